import type { ServiceApp } from "@croupier/core/http/app";
import { createRoute, z } from "@hono/zod-openapi";
import type { BridgeStore } from "../../domain/store-port.ts";
import type { ProviderGateway } from "../../outbound/provider-gateway.ts";

export const providerHealthRoute = createRoute({
  method: "get",
  path: "/v1/providers/health",
  summary: "Circuit state of every provider's outbound calls",
  responses: {
    200: {
      description: "Per-provider health",
      content: {
        "application/json": {
          schema: z.object({
            items: z.array(z.object({ providerId: z.string(), enabled: z.boolean(), circuit: z.string() })),
          }),
        },
      },
    },
  },
});

export function registerProviderHealth(app: ServiceApp, store: BridgeStore, gateway: ProviderGateway) {
  app.openapi(providerHealthRoute, async (c) => {
    const items = (await store.listProviders()).map((p) => ({
      providerId: p.id,
      enabled: p.enabled,
      circuit: gateway.health(p.id),
    }));
    return c.json({ items }, 200);
  });
}

/**
 * Ready while at least one enabled provider with an outbound endpoint has a usable circuit (or
 * none has an endpoint): one provider's outage must not take the wallet endpoint out of
 * rotation for every other provider.
 */
export async function providersReady(store: BridgeStore, gateway: ProviderGateway): Promise<boolean> {
  const outbound = (await store.listProviders()).filter((p) => p.enabled && p.launchUrl);
  return outbound.length === 0 || outbound.some((p) => gateway.health(p.id) !== "open");
}
