import { defineConfig } from "vitest/config";

// Every package that has tests owns a vitest.config.ts with a unique project name;
// `npm test` (scripts/test.ts) provisions the servers and runs them all.
export default defineConfig({
  test: {
    projects: [
      "shared/*/vitest.config.ts",
      "services/*/vitest.config.ts",
      // edge/, k8s/, tests/ … (a glob, so a folder without tests yet is no error)
      "*/vitest.config.ts",
    ],
  },
});
