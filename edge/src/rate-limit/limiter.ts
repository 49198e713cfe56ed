import type { RateLimitPolicy } from "../policy/routes.ts";
import type { RateLimiter } from "./durable-object.ts";
import type { LimitDecision } from "./sliding-window.ts";

/** Counts one request against `key` under `policy`. */
export type RateLimiterClient = (key: string, policy: RateLimitPolicy) => Promise<LimitDecision>;

export function durableObjectLimiter(namespace: DurableObjectNamespace<RateLimiter>): RateLimiterClient {
  return (key, policy) =>
    namespace
      .get(namespace.idFromName(key))
      .hit({ limit: policy.limit, windowSeconds: policy.windowSeconds });
}

export function rateLimitKey(policy: RateLimitPolicy, subject: string): string {
  return `${policy.name}:${policy.dimension}:${subject}`;
}
