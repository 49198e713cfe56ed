import { defineConfig } from "vitest/config";

// Offline checks of the charts, manifests, policies and images. They shell out to the tools in
// .tools/bin (npm run tools:install) and render each chart once per region and Helm major.
export default defineConfig({
  test: {
    name: "k8s",
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/support/global-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
