// The ledger's OpenAPI document, generated from the zod route definitions (no database needed).
import { createServiceApp, openApiDocument } from "@croupier/core/http/app";
import { createLogger } from "@croupier/core/log";
import { createMetrics } from "@croupier/core/metrics";
import type { Sql } from "postgres";
import { ledgerDescription, registerRoutes } from "../app.ts";

export function ledgerOpenApiDocument() {
  const app = createServiceApp({
    service: "ledger",
    description: ledgerDescription,
    log: createLogger({ service: "ledger", level: "silent" }),
    metrics: createMetrics("ledger"),
    readiness: {},
  });
  registerRoutes(app, { sql: undefined as unknown as Sql, region: "eu", holdTtlSeconds: 86_400 });
  const document = openApiDocument(app, { service: "ledger", description: ledgerDescription });
  document.components = {
    ...document.components,
    securitySchemes: {
      serviceToken: {
        type: "http",
        scheme: "bearer",
        bearerFormat: "JWT (HS256 service token, audience ledger)",
      },
    },
  };
  document.security = [{ serviceToken: [] }];
  return document;
}
