import { Hono } from "hono";
import { newRequestId } from "./http/ids.ts";
import { problem } from "./http/problem.ts";
import type { EdgeDeps } from "./pipeline/context.ts";
import { handle } from "./pipeline/run.ts";
import { routes } from "./policy/routes.ts";

/** Builds the edge from its dependencies; never listens (the Worker entry and tests call `fetch`). */
export function createApp(deps: EdgeDeps): Hono {
  const app = new Hono();

  // The edge's own probes: no gate, no limits, no origin.
  app.get("/healthz/live", (c) => c.json({ status: "ok" }));
  app.get("/healthz/ready", (c) => c.json({ status: "ok", environment: deps.config.environment }));

  for (const route of routes) {
    app.on(route.method, route.path, (c) => handle(deps, route, c.req.raw, newRequestId(deps.now())));
  }

  app.notFound((c) =>
    problem({
      type: "not-found",
      title: "Not found",
      status: 404,
      detail: `No route for ${c.req.method} ${c.req.path}.`,
    }),
  );
  app.onError((error, c) => {
    const requestId = newRequestId(deps.now());
    deps.log({ level: "error", msg: "edge error", requestId, path: c.req.path, error: String(error) });
    return problem({ type: "internal", title: "Internal error", status: 500, instance: requestId });
  });
  return app;
}
