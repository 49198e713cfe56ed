import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "player-api",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The integration suites each start a ledger process; one at a time keeps the shared CPU calm.
    fileParallelism: false,
  },
});
