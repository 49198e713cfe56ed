// The bridge's OpenAPI document (internal API), generated from the zod route definitions with
// in-memory ports; no database or network needed. Provider protocols are documented in API.md.
import { openApiDocument } from "@croupier/core/http/app";
import { createLogger } from "@croupier/core/log";
import { createMetrics } from "@croupier/core/metrics";
import { bridgeDescription, createApp } from "../app.ts";
import { createMemoryStore } from "../domain/memory-store.ts";
import { createMemoryWallet } from "../domain/memory-wallet.ts";
import { createProviderGateway } from "../outbound/provider-gateway.ts";
import type { ResponseSigner } from "../signing/response-signer.ts";

export function bridgeOpenApiDocument() {
  const log = createLogger({ service: "bridge", level: "silent" });
  const signer: ResponseSigner = { sign: async () => "", publicKeyPem: "" };
  const app = createApp({
    log,
    metrics: createMetrics("bridge"),
    store: createMemoryStore().store,
    wallet: createMemoryWallet().wallet,
    signer,
    gateway: createProviderGateway({ signer, log }),
    callers: [],
  });
  const document = openApiDocument(app, { service: "bridge", description: bridgeDescription });
  document.components = {
    ...document.components,
    securitySchemes: {
      serviceToken: {
        type: "http",
        scheme: "bearer",
        bearerFormat: "JWT (HS256 service token, audience bridge)",
      },
    },
  };
  document.security = [{ serviceToken: [] }];
  return document;
}
