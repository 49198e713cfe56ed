import { addEdgeSignature } from "@croupier/edge-auth";
import { problem } from "../http/problem.ts";
import { forwardHeaders } from "../routing/forward-headers.ts";
import type { EdgeRequest } from "./context.ts";

// Origin headers a player has no business seeing.
const hiddenResponseHeaders = ["server", "x-powered-by", "x-croupier-origin"];

/** Sends the request, signed, to the origin of its home region. */
export async function forward(edge: EdgeRequest): Promise<Response> {
  const { deps, claims } = edge;
  const region = edge.region;
  if (!region) {
    // Unreachable with the gate in place; fail closed rather than guess a region.
    return problem({
      type: "no-home-region",
      title: "No home region",
      status: 403,
      instance: edge.requestId,
    });
  }
  const target = `${deps.config.origins[region]}${edge.url.pathname}${edge.url.search}`;
  const identity = edge.authenticated && claims;
  // The forwarded headers are a fresh record, signed in place; the fetch below turns it into the
  // request's only Headers object. The target's path and query are the request's own (already parsed
  // into edge.url), so no URL is parsed again to sign them.
  const headers = await addEdgeSignature(
    forwardHeaders(edge.headers, {
      requestId: edge.requestId,
      traceparent: edge.traceparent,
      clientIp: edge.clientIp,
      country: edge.country,
      playerId: identity ? claims.playerId : null,
      sessionId: identity ? claims.sessionId : null,
      jurisdiction: identity ? claims.jurisdiction : (edge.jurisdiction?.jurisdiction ?? null),
      region,
    }),
    { method: edge.request.method, url: edge.url, secret: deps.config.edgeSigningSecret, now: deps.now() },
  );
  edge.log.origin = region;
  let response: Response;
  try {
    response = await deps.fetchOrigin(target, {
      method: edge.request.method,
      headers,
      body: edge.body,
      redirect: "manual",
    });
  } catch (error) {
    edge.log.originError = String(error);
    const timedOut = error instanceof Error && error.name === "TimeoutError";
    return problem({
      type: timedOut ? "origin-timeout" : "origin-unavailable",
      title: timedOut ? "Origin timed out" : "Origin unavailable",
      status: timedOut ? 504 : 502,
      detail: "Please retry shortly.",
      instance: edge.requestId,
    });
  }
  const outgoing = new Response(response.body, response);
  for (const name of hiddenResponseHeaders) outgoing.headers.delete(name);
  return outgoing;
}
