import { defineConfig } from "vitest/config";

// Cross-service flows through the real edge (workerd) and the real services, and the schemathesis run.
export default defineConfig({
  test: {
    name: "e2e",
    include: ["e2e/**/*.test.ts", "schemathesis/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
