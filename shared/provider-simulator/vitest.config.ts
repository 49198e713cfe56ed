import { defineConfig } from "vitest/config";

export default defineConfig({
  test: { name: "provider-simulator", include: ["src/**/*.test.ts"] },
});
