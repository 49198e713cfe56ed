import { createServiceApp } from "@croupier/core/http/app";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { PlayerApiDeps, PlayerApiEnv } from "./deps.ts";
import { requireEdge } from "./http/edge-signature.ts";
import { signInGate } from "./http/sign-in-gate.ts";
import { requireStaff } from "./http/staff-auth.ts";
import { authRoutes } from "./routes/auth/index.ts";
import { backofficeRoutes } from "./routes/backoffice/index.ts";
import { docsRoutes } from "./routes/docs.ts";
import { gameRoutes } from "./routes/games/index.ts";
import { keyRoutes } from "./routes/keys/index.ts";
import { rgRoutes } from "./routes/rg/index.ts";
import { walletRoutes } from "./routes/wallet/index.ts";

export type { PlayerApiDeps } from "./deps.ts";

export const serviceInfo = {
  service: "player-api",
  description:
    "The origin behind the edge: accounts, sessions (ES256 access tokens, rotating refresh tokens, JWKS), wallet views, " +
    "responsible-gaming self-service and games; plus the back-office API (staff tokens, audited). Player routes accept " +
    "only requests signed by the edge.",
};

/** Builds player-api's HTTP app from injected dependencies; never listens. */
export function createApp(deps: PlayerApiDeps) {
  const base = createServiceApp({
    ...serviceInfo,
    log: deps.log,
    metrics: deps.metrics,
    tracing: deps.tracing,
    isDraining: deps.isDraining,
    maxBodyBytes: 16 * 1024,
    readiness: {
      database: () => deps.database.ping(),
      signingKey: async () => {
        await deps.keys.signer();
        return true;
      },
    },
  });
  const app = base as unknown as OpenAPIHono<PlayerApiEnv>;
  app.openAPIRegistry.registerComponent("securitySchemes", "accessToken", {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
    description:
      "An access token from /v1/auth/login or /v1/auth/refresh, verified by the edge and again here.",
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "staffToken", {
    type: "http",
    scheme: "bearer",
    description: "A back-office staff token.",
  });
  app.use(
    "*",
    requireEdge({ secret: deps.config.EDGE_SIGNING_SECRET, region: deps.config.REGION, now: deps.clock }),
  );
  app.use("/backoffice/*", requireStaff(deps));
  // One gate for every route that does password work; the one running and those queued behind it.
  const passwordWork = signInGate(deps.config.PASSWORD_QUEUE_MAX + 1);
  for (const path of ["/v1/auth/register", "/v1/auth/login", "/v1/auth/password"])
    app.use(path, passwordWork);
  authRoutes(app, deps);
  walletRoutes(app, deps);
  gameRoutes(app, deps);
  rgRoutes(app, deps);
  keyRoutes(app, deps);
  backofficeRoutes(app, deps);
  docsRoutes(app, deps);
  return app;
}
