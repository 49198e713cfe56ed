import type { RateLimitPolicy } from "../policy/routes.ts";

export type PolicyState = { policy: RateLimitPolicy; remaining: number; resetSeconds: number };

/**
 * IETF RateLimit header fields (draft-ietf-httpapi-ratelimit-headers): `RateLimit-Policy` lists every
 * quota the route is subject to; `RateLimit` reports the one closest to exhaustion.
 */
export function rateLimitHeaders(states: readonly PolicyState[]): Record<string, string> {
  if (states.length === 0) return {};
  let tightest = states[0] as PolicyState;
  for (const state of states) if (state.remaining < tightest.remaining) tightest = state;
  return {
    "ratelimit-policy": states
      .map(({ policy }) => `"${policy.name}";q=${policy.limit};w=${policy.windowSeconds}`)
      .join(", "),
    ratelimit: `"${tightest.policy.name}";r=${tightest.remaining};t=${tightest.resetSeconds}`,
  };
}
