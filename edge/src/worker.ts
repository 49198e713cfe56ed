import { signEdgeHeaders } from "@croupier/edge-auth";
import type { Hono } from "hono";
import { createApp } from "./app.ts";
import { siteverify } from "./bot/turnstile.ts";
import { type EdgeConfig, parseEdgeEnv } from "./env.ts";
import { problem } from "./http/problem.ts";
import type { EdgeDeps } from "./pipeline/context.ts";
import { DenyCache } from "./rate-limit/deny-cache.ts";
import type { RateLimiter } from "./rate-limit/durable-object.ts";
import { durableObjectLimiter } from "./rate-limit/limiter.ts";
import { JwksCache } from "./session/jwks-cache.ts";
import { SessionEpochCache } from "./session/session-epoch.ts";
import { inspectRequest } from "./waf/index.ts";

export { RateLimiter } from "./rate-limit/durable-object.ts";

type Env = Record<string, unknown> & { RATE_LIMITER: DurableObjectNamespace<RateLimiter> };

const ORIGIN_TIMEOUT_MS = 15_000;

/** Builds the production dependencies; the caches live as long as the isolate. */
export function workerDeps(env: Env, config: EdgeConfig = parseEdgeEnv(env)): EdgeDeps {
  const now = () => Date.now();
  // The request line already carries its level; only other lines get a copy with the default one.
  const log = (line: Record<string, unknown>) =>
    console.log(JSON.stringify(line.level === undefined ? { level: "info", ...line } : line));
  const signedFetch = async (url: string, extra: Record<string, string> = {}) =>
    fetch(url, {
      headers: await signEdgeHeaders({
        method: "GET",
        url,
        secret: config.edgeSigningSecret,
        headers: extra,
      }),
      signal: AbortSignal.timeout(3000),
    });
  return {
    config,
    rateLimiter: durableObjectLimiter(env.RATE_LIMITER),
    denyCache: new DenyCache(),
    jwks: new JwksCache({
      urls: config.jwksUrls,
      fetchJwks: (url) => signedFetch(url),
      now,
      onError: (error) => log({ level: "warn", msg: "jwks fetch failed", error: String(error) }),
    }),
    sessionEpochs: new SessionEpochCache({
      fetchEpoch: async (region, playerId) => {
        const url = `${config.origins[region as keyof typeof config.origins]}/internal/session-epoch/${encodeURIComponent(playerId)}`;
        const response = await signedFetch(url, {
          "x-croupier-player": playerId,
          "x-croupier-region": region,
        });
        if (!response.ok) throw new Error(`session epoch answered ${response.status}`);
        const { epoch } = (await response.json()) as { epoch?: unknown };
        if (typeof epoch !== "number" || !Number.isSafeInteger(epoch))
          throw new Error("session epoch malformed");
        return epoch;
      },
    }),
    turnstile: siteverify({
      secret: config.turnstileSecretKey ?? "",
      fetch: (input, init) => fetch(input, init),
    }),
    fetchOrigin: (url, init) => fetch(url, { ...init, signal: AbortSignal.timeout(ORIGIN_TIMEOUT_MS) }),
    inspect: inspectRequest,
    log,
    now,
  };
}

const apps = new WeakMap<object, Hono>();

function appFor(env: Env): Hono {
  let app = apps.get(env);
  if (!app) {
    app = createApp(workerDeps(env));
    apps.set(env, app);
  }
  return app;
}

export default {
  fetch(request: Request, env: Env, ctx: ExecutionContext): Response | Promise<Response> {
    let app: Hono;
    try {
      app = appFor(env);
    } catch (error) {
      console.error(JSON.stringify({ level: "fatal", msg: "edge misconfigured", error: String(error) }));
      return problem({ type: "temporarily-unavailable", title: "Temporarily unavailable", status: 503 });
    }
    return app.fetch(request, env, ctx);
  },
};
