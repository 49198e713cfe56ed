// The OpenAPI document of player-api, built from the routes' zod schemas with inert dependencies
// (nothing is called), for the committed openapi.json and its drift test.
import { openApiDocument } from "@croupier/core/http/app";
import { createLogger } from "@croupier/core/log";
import { createMetrics } from "@croupier/core/metrics";
import { createApp, serviceInfo } from "./app.ts";
import type { PlayerApiDeps } from "./deps.ts";

/** The app over dependencies that refuse every call: enough for documents and static pages. */
export function inertApp(overrides: Partial<PlayerApiDeps> = {}) {
  const inert = new Proxy(
    {},
    { get: () => () => Promise.reject(new Error("not available while generating OpenAPI")) },
  );
  const deps = {
    config: { EDGE_SIGNING_SECRET: "x".repeat(32), REGION: "eu" },
    log: createLogger({ service: "player-api", level: "silent" }),
    metrics: createMetrics("player-api"),
    database: inert,
    keys: inert,
    passwords: inert,
    ledger: inert,
    bridge: inert,
    clock: () => new Date(0),
    ...overrides,
  } as unknown as PlayerApiDeps;
  return createApp(deps);
}

export function buildOpenApiDocument(): unknown {
  return openApiDocument(inertApp() as never, serviceInfo);
}

export function serializeOpenApi(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
