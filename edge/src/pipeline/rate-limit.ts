import { problem } from "../http/problem.ts";
import type { RateLimitPolicy } from "../policy/routes.ts";
import { rateLimitHeaders } from "../rate-limit/headers.ts";
import { ipSubject } from "../rate-limit/ip-subject.ts";
import { rateLimitKey } from "../rate-limit/limiter.ts";
import type { EdgeRequest, Step } from "./context.ts";

/**
 * Counts the request against the route's policies for one dimension: "ip" before authentication,
 * "player" after. Keys already known to be over their limit are refused from the in-isolate cache.
 */
export function rateLimit(dimension: "ip" | "player"): Step {
  return async (edge) => {
    const subject = dimension === "ip" ? ipSubject(edge.clientIp) : edge.claims?.playerId;
    if (subject === undefined) return undefined;
    const policies = edge.route.rateLimits.filter((policy) => policy.dimension === dimension);
    if (policies.length === 0) return undefined;

    const { deps } = edge;
    const now = deps.now();
    const keys = policies.map((policy) => rateLimitKey(policy, subject));

    let cachedWait = 0;
    for (const key of keys) cachedWait = Math.max(cachedWait, deps.denyCache.retryAfterSeconds(key, now));
    if (cachedWait > 0) return refuse(edge, policies, cachedWait, "fast-path");

    let decisions: Awaited<ReturnType<typeof deps.rateLimiter>>[];
    try {
      decisions = await Promise.all(
        policies.map((policy, index) => deps.rateLimiter(keys[index] as string, policy)),
      );
    } catch (error) {
      edge.log.rateLimiterError = String(error);
      // Reads stay up when the limiter is down; logins and money do not go unmetered.
      if (edge.route.class === "read") return undefined;
      return problem({
        type: "temporarily-unavailable",
        title: "Temporarily unavailable",
        status: 503,
        detail: "Please retry shortly.",
        instance: edge.requestId,
        headers: { "retry-after": "5" },
      });
    }

    let wait = 0;
    decisions.forEach((decision, index) => {
      const policy = policies[index] as RateLimitPolicy;
      edge.rateLimits.push({ policy, remaining: decision.remaining, resetSeconds: decision.resetSeconds });
      if (!decision.allowed) {
        deps.denyCache.remember(keys[index] as string, now, decision.retryAfterSeconds);
        wait = Math.max(wait, decision.retryAfterSeconds);
      }
    });
    return wait > 0 ? refuse(edge, [], wait, "durable-object") : undefined;
  };
}

function refuse(
  edge: EdgeRequest,
  cachedPolicies: RateLimitPolicy[],
  wait: number,
  source: string,
): Response {
  for (const policy of cachedPolicies) edge.rateLimits.push({ policy, remaining: 0, resetSeconds: wait });
  edge.log.blocked = { by: "rate-limit", source };
  return problem({
    type: "rate-limited",
    title: "Too many requests",
    status: 429,
    detail: `Retry in ${wait} seconds.`,
    instance: edge.requestId,
    headers: { "retry-after": String(wait), ...rateLimitHeaders(edge.rateLimits) },
  });
}
