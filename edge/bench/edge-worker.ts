// The edge as deployed (createApp, the worker's own wiring and logger, the real WAF, the Durable Object
// rate limiter, JWKS and session-epoch caches, HMAC signing), except that its network peers are the
// benchmark origin (a service binding) and Turnstile is answered locally: both are I/O, not edge CPU.
import type { Hono } from "hono";
import { createApp } from "../src/app.ts";
import type { RateLimiter } from "../src/rate-limit/durable-object.ts";
import type { RateLimiterClient } from "../src/rate-limit/limiter.ts";
import { admit } from "../src/rate-limit/sliding-window.ts";
import { JwksCache } from "../src/session/jwks-cache.ts";
import { SessionEpochCache } from "../src/session/session-epoch.ts";
import { workerDeps } from "../src/worker.ts";

export { RateLimiter } from "../src/rate-limit/durable-object.ts";

type Env = Record<string, unknown> & {
  ORIGIN: { fetch(input: Request | string, init?: RequestInit): Promise<Response> };
  RATE_LIMITER: DurableObjectNamespace<RateLimiter>;
};

let app: Hono | undefined;

function memoryLimiter(): RateLimiterClient {
  const logs = new Map<string, number[]>();
  return async (key, policy) => {
    let log = logs.get(key);
    if (!log) {
      log = [];
      logs.set(key, log);
      if (logs.size > 1024) logs.delete(logs.keys().next().value as string);
    }
    return admit(log, Date.now(), policy.limit, policy.windowSeconds * 1000);
  };
}

function build(env: Env): Hono {
  const deps = workerDeps(env);
  const viaOrigin = (input: Request | string) =>
    env.ORIGIN.fetch(typeof input === "string" ? new Request(input) : input);
  return createApp({
    ...deps,
    jwks: new JwksCache({ urls: deps.config.jwksUrls, now: Date.now, fetchJwks: (url) => viaOrigin(url) }),
    sessionEpochs: new SessionEpochCache({
      fetchEpoch: async (_region, playerId) => {
        const response = await viaOrigin(`https://eu.origin.bench/internal/session-epoch/${playerId}`);
        return ((await response.json()) as { epoch: number }).epoch;
      },
    }),
    turnstile: async () => ({ success: true }),
    // Variants for the breakdown table: the limiter answered in-isolate (no Durable Object), no WAF.
    ...(env.BENCH_LIMITER === "memory" ? { rateLimiter: memoryLimiter() } : {}),
    ...(env.BENCH_WAF === "off" ? { inspect: () => ({ blocked: false, score: 0, matches: [] }) } : {}),
    ...(env.BENCH_LOG === "off" ? { log: () => {} } : {}),
    fetchOrigin: (url, init) => env.ORIGIN.fetch(url, init),
  });
}

export default {
  fetch(request: Request, env: Env, ctx: ExecutionContext): Response | Promise<Response> {
    app ??= build(env);
    return app.fetch(request, env, ctx);
  },
};
