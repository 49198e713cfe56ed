import { Hono } from "hono";
import { addCorsHeaders, preflight } from "./http/cors.ts";
import { newRequestId } from "./http/ids.ts";
import { problem } from "./http/problem.ts";
import { addSecurityHeaders } from "./http/security-headers.ts";
import type { EdgeDeps } from "./pipeline/context.ts";
import { handle } from "./pipeline/run.ts";
import { answerUnrouted } from "./pipeline/unrouted.ts";
import { type RoutePolicy, routes } from "./policy/routes.ts";

/** Builds the edge from its dependencies; never listens (the Worker entry and tests call `fetch`). */
export function createApp(deps: EdgeDeps): Hono {
  const app = new Hono();
  const deployed = deps.config.environment === "staging" || deps.config.environment === "production";
  const corsOrigins = new Set(deps.config.corsAllowedOrigins);

  app.use(async (c, next) => {
    await next();
    addSecurityHeaders(c.res.headers, deployed);
    addCorsHeaders(c.res.headers, c.req.header("origin") ?? null, corsOrigins);
  });

  // The edge's own probes: no gate, no limits, no origin.
  app.get("/healthz/live", (c) => c.json({ status: "ok" }));
  app.get("/healthz/ready", (c) => c.json({ status: "ok", environment: deps.config.environment }));

  const routesByPath = new Map<string, RoutePolicy[]>();
  for (const route of routes) {
    app.on(route.method, route.path, (c) => handle(deps, route, c.req.raw, newRequestId(deps.now())));
    routesByPath.set(route.path, [...(routesByPath.get(route.path) ?? []), route]);
  }
  // CORS preflights carry no credentials and never reach an origin; the real request is gated as usual.
  for (const [path, pathRoutes] of routesByPath) {
    app.options(path, (c) => preflight(c.req.header("origin") ?? null, corsOrigins, pathRoutes));
  }

  // Nothing unrouted reaches an origin, but the WAF still judges it (pipeline/unrouted.ts).
  app.notFound((c) => answerUnrouted(deps, c.req.raw, newRequestId(deps.now())));
  app.onError((error, c) => {
    const requestId = newRequestId(deps.now());
    deps.log({ level: "error", msg: "edge error", requestId, path: c.req.path, error: String(error) });
    return problem({ type: "internal", title: "Internal error", status: 500, instance: requestId });
  });
  return app;
}
