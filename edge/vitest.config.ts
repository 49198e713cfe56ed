import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

// The edge's tests run inside workerd, against the Worker and Durable Object bindings declared in the
// root wrangler.toml, with test-only secrets.
export default defineConfig({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: "../wrangler.toml" },
      miniflare: {
        bindings: {
          ENVIRONMENT: "test",
          EDGE_SIGNING_SECRET: "test-edge-signing-secret-0123456789abcdef",
          TURNSTILE_SECRET_KEY: "1x0000000000000000000000000000000AA",
        },
      },
    }),
  ],
  test: { name: "edge", include: ["src/**/*.test.ts", "test/**/*.test.ts"] },
});
