import type { ServiceApp } from "@croupier/core/http/app";
import type { ServiceEnv } from "@croupier/core/http/context";
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { DomainContext } from "../../domain/context.ts";
import { launchGame } from "../../domain/launch.ts";
import type { ProviderGateway } from "../../outbound/provider-gateway.ts";

export const launchRoute = createRoute({
  method: "post",
  path: "/v1/launch",
  summary: "Opens a provider session for a player and returns the game's launch URL",
  request: {
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z.strictObject({
            playerId: z.string().min(1).max(128),
            currency: z.string().regex(/^[A-Z]{3,8}$/),
            gameId: z.string().min(3).max(256),
            jurisdiction: z.string().min(2).max(16),
            sessionId: z.string().min(1).max(128),
            locale: z.string().max(16).optional(),
            returnUrl: z.url().optional(),
            /** Shorter session lifetime than the default (tests of expiry, short demo sessions). */
            ttlSeconds: z.number().int().min(1).max(86_400).optional(),
          }),
        },
      },
    },
  },
  responses: {
    201: {
      description: "Launched",
      content: {
        "application/json": {
          schema: z.object({ launchUrl: z.string(), token: z.string(), expiresAt: z.string() }),
        },
      },
    },
  },
});

export function registerLaunch(
  app: ServiceApp,
  deps: {
    domain: (c: Context<ServiceEnv>) => DomainContext;
    gateway: ProviderGateway;
    sessionTtlMs: number;
    publicLaunchBaseUrl?: string;
  },
) {
  app.openapi(launchRoute, async (c) => {
    const input = c.req.valid("json");
    const result = await launchGame(
      {
        ...deps.domain(c),
        gateway: deps.gateway,
        sessionTtlMs: deps.sessionTtlMs,
        publicLaunchBaseUrl: deps.publicLaunchBaseUrl,
      },
      input,
    );
    return c.json(result, 201);
  });
}
