import { defineConfig } from "vitest/config";

export default defineConfig({
  test: { name: "edge-auth", include: ["src/**/*.test.ts"] },
});
