// The OpenAPI document of player-api, built from the routes' zod schemas with inert dependencies
// (nothing is called), for the committed openapi.json and its drift test.
import { openApiDocument } from "@croupier/core/http/app";
import { createLogger } from "@croupier/core/log";
import { createMetrics } from "@croupier/core/metrics";
import { createApp, serviceInfo } from "./app.ts";
import type { PlayerApiDeps } from "./deps.ts";

export function buildOpenApiDocument(): unknown {
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
  } as unknown as PlayerApiDeps;
  const app = createApp(deps);
  return openApiDocument(app as never, serviceInfo);
}

export function serializeOpenApi(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
