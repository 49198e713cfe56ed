import type { MiddlewareHandler } from "hono";
import type { Now } from "./clock.ts";
import { type EdgeIdentity, type EdgeVerifyFailure, verifyEdgeRequest } from "./verify.ts";

export type EdgeSignatureVariables = { edgeIdentity: EdgeIdentity };

const details: Record<EdgeVerifyFailure, string> = {
  "missing-signature": "The request did not come through the edge.",
  "malformed-timestamp": "The edge signature timestamp is malformed.",
  stale: "The edge signature is too old or from the future.",
  "bad-signature": "The edge signature does not match the request.",
};

/**
 * Hono middleware for origins: refuses (401 problem+json) any request the edge did not sign within
 * `maxSkewSeconds`, and puts the verified identity on `c.var.edgeIdentity`. `exempt` lists paths
 * served without a signature (e.g. "/healthz/live", or a prefix such as "/healthz/*") for probes
 * that never pass the edge.
 */
export function requireEdgeSignature(options: {
  secret: string | readonly string[];
  exempt?: string[];
  maxSkewSeconds?: number;
  now?: Now;
}): MiddlewareHandler<{ Variables: EdgeSignatureVariables }> {
  const exact = new Set(options.exempt?.filter((path) => !path.endsWith("*")));
  const prefixes =
    options.exempt?.filter((path) => path.endsWith("*")).map((path) => path.slice(0, -1)) ?? [];

  return async (c, next) => {
    const path = c.req.path;
    if (exact.has(path) || prefixes.some((prefix) => path.startsWith(prefix))) return next();

    const result = await verifyEdgeRequest(c.req.raw, options);
    if (!result.ok) {
      const requestId = c.req.header("x-request-id");
      return c.body(
        JSON.stringify({
          type: "https://croupier.dev/problems/edge-signature-invalid",
          title: "Request not signed by the edge",
          status: 401,
          detail: details[result.reason],
          ...(requestId ? { instance: requestId } : {}),
        }),
        401,
        { "content-type": "application/problem+json" },
      );
    }
    c.set("edgeIdentity", result.identity);
    return next();
  };
}
