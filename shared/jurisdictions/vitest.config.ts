import { defineConfig } from "vitest/config";

export default defineConfig({
  test: { name: "jurisdictions", include: ["src/**/*.test.ts"] },
});
