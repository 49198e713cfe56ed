// Player routes are served only to requests the edge signed (so nobody can bypass the edge's
// gate, WAF, rate limits and session checks). Probes, docs, the JWKS, the edge's session-epoch
// look-up and the back-office (its own staff auth, not reachable through the edge) are exempt.
import { AppError, problemResponse } from "@croupier/core/problem";
import { verifyEdgeRequest } from "@croupier/edge-auth";
import type { MiddlewareHandler } from "hono";
import type { PlayerApiEnv } from "../deps.ts";

const exemptPrefixes = ["/healthz/", "/internal/", "/backoffice/", "/docs"];
const exemptPaths = new Set(["/metrics", "/openapi.json", "/.well-known/jwks.json"]);

export function requireEdge(options: {
  secret: string;
  region: string;
  now: () => Date;
}): MiddlewareHandler<PlayerApiEnv> {
  return async (c, next) => {
    const path = c.req.path;
    if (exemptPaths.has(path) || exemptPrefixes.some((prefix) => path.startsWith(prefix))) return next();
    const result = await verifyEdgeRequest(c.req.raw, {
      secret: options.secret,
      now: () => options.now().getTime(),
    });
    if (!result.ok) {
      return problemResponse(
        c,
        new AppError(
          "edge_signature_invalid",
          401,
          "Request not signed by the edge",
          "Requests must come through the edge.",
          {
            headers: { "www-authenticate": 'CroupierEdge realm="croupier-origin"' },
          },
        ),
      );
    }
    // The edge routes by the session's home region; anything else is a routing fault, not ours to serve.
    if (result.identity.region && result.identity.region !== options.region) {
      return problemResponse(
        c,
        new AppError(
          "wrong_home_region",
          421,
          "Misdirected request",
          `This origin serves region ${options.region}.`,
        ),
      );
    }
    c.set("edgeIdentity", result.identity);
    return next();
  };
}
