import { nextTraceparent } from "../http/ids.ts";
import { readHeaders } from "../http/read-headers.ts";
import type { RoutePolicy } from "../policy/routes.ts";
import { rateLimitHeaders } from "../rate-limit/headers.ts";
import { authenticate } from "./authenticate.ts";
import { botScreen } from "./bot-screen.ts";
import type { EdgeDeps, EdgeRequest, Step } from "./context.ts";
import { forward } from "./forward.ts";
import { jurisdictionGate } from "./jurisdiction-gate.ts";
import { rateLimit } from "./rate-limit.ts";
import { readBody, requireJson } from "./read-body.ts";
import { sessionEpoch } from "./session-epoch.ts";
import { turnstile } from "./turnstile.ts";
import { waf } from "./waf.ts";

/**
 * The order is deliberate: cheap local refusals first (jurisdiction, WAF, the JSON-only rule, bot
 * signals), then the per-IP budget before any crypto or origin call, then the session, the per-player
 * budget, Turnstile (a paid network call, so only for requests that passed everything else) and the
 * revocation check.
 */
const steps: readonly Step[] = [
  jurisdictionGate,
  readBody,
  waf,
  requireJson,
  botScreen,
  rateLimit("ip"),
  authenticate,
  rateLimit("player"),
  turnstile,
  sessionEpoch,
];

export async function handle(
  deps: EdgeDeps,
  route: RoutePolicy,
  request: Request,
  requestId: string,
): Promise<Response> {
  const startedAt = deps.now();
  // Every step reads headers from this map: each `Headers` call would cross into the runtime again.
  const headers = readHeaders(request.headers);
  const edge: EdgeRequest = {
    deps,
    request,
    headers,
    url: new URL(request.url),
    route,
    requestId,
    traceparent: nextTraceparent(headers.get("traceparent") ?? null),
    clientIp: headers.get("cf-connecting-ip") ?? null,
    country: request.cf?.country ?? null,
    jurisdiction: null,
    body: null,
    contentType: null,
    unsupportedMediaType: false,
    claims: null,
    authenticated: false,
    region: null,
    rateLimits: [],
    log: {
      level: "info",
      msg: "edge request",
      requestId,
      routeId: route.id,
      method: request.method,
      country: request.cf?.country,
    },
  };

  let response: Response | undefined;
  for (const step of steps) {
    // Most steps decide synchronously; awaiting only real promises saves a microtask turn each.
    const outcome = step(edge);
    response = outcome instanceof Promise ? await outcome : outcome;
    if (response) break;
  }
  response ??= await forward(edge);

  const answer = response.headers;
  answer.set("x-request-id", requestId);
  if (!answer.has("ratelimit")) {
    for (const [name, value] of Object.entries(rateLimitHeaders(edge.rateLimits))) answer.set(name, value);
  }
  edge.log.status = response.status;
  edge.log.outcome = edge.log.blocked ? "blocked" : response.status >= 500 ? "error" : "forwarded";
  edge.log.durationMs = deps.now() - startedAt;
  deps.log(edge.log);
  return response;
}
