import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { createApp } from "../src/app.ts";
import type { TurnstileVerifier } from "../src/bot/turnstile.ts";
import type { EdgeConfig } from "../src/env.ts";
import type { EdgeDeps, LogLine } from "../src/pipeline/context.ts";
import { DenyCache } from "../src/rate-limit/deny-cache.ts";
import { admit, type LimitDecision } from "../src/rate-limit/sliding-window.ts";
import { JwksCache } from "../src/session/jwks-cache.ts";
import { SessionEpochCache } from "../src/session/session-epoch.ts";

export const SIGNING_SECRET = "harness-edge-signing-secret-0123456789";
export const ISSUER = "croupier-player-api";
export const AUDIENCE = "croupier-edge";
export const BROWSER_UA =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36";

export const testConfig: EdgeConfig = {
  environment: "test",
  origins: { eu: "https://eu.origin.test", uk: "https://uk.origin.test", ca: "https://ca.origin.test" },
  jwksUrls: ["https://eu.origin.test/.well-known/jwks.json"],
  jwtIssuer: ISSUER,
  jwtAudience: AUDIENCE,
  wafParanoiaLevel: 1,
  botScoreMin: 30,
  scriptedClients: "refuse",
  turnstileRequired: true,
  edgeSigningSecret: SIGNING_SECRET,
  turnstileSecretKey: "turnstile-secret",
  corsAllowedOrigins: ["https://play.croupier.test"],
};

export type Keys = { privateKey: CryptoKey; publicJwk: Record<string, unknown>; kid: string };

export async function newSigningKey(kid: string): Promise<Keys> {
  const { privateKey, publicKey } = await generateKeyPair("ES256", { extractable: true });
  return { privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: "ES256", use: "sig" }, kid };
}

/** An in-memory limiter with the same algorithm as the Durable Object, for tests that are not about the DO. */
export function memoryLimiter(now: () => number) {
  const logs = new Map<string, number[]>();
  const calls: string[] = [];
  const limiter = async (
    key: string,
    policy: { limit: number; windowSeconds: number },
  ): Promise<LimitDecision> => {
    calls.push(key);
    const log = logs.get(key) ?? [];
    logs.set(key, log);
    return admit(log, now(), policy.limit, policy.windowSeconds * 1000);
  };
  return { limiter, calls };
}

export type HarnessOptions = Partial<Omit<EdgeDeps, "config">> & { config?: Partial<EdgeConfig> };

export async function harness({ config, ...overrides }: HarnessOptions = {}) {
  let clock = Date.UTC(2026, 10, 26, 12, 0, 0);
  const now = () => clock;
  const key = await newSigningKey("key-1");
  const jwks = { keys: [key.publicJwk] as Record<string, unknown>[] };
  const jwksFetches: string[] = [];
  const originRequests: Request[] = [];
  const originBodies: (string | null)[] = [];
  const logs: LogLine[] = [];
  const epochs = new Map<string, number>();
  const epochFetches: string[] = [];
  const turnstileCalls: Parameters<TurnstileVerifier>[0][] = [];
  const memory = memoryLimiter(now);

  const deps: EdgeDeps = {
    config: { ...testConfig, ...config },
    rateLimiter: memory.limiter,
    denyCache: new DenyCache(),
    jwks: new JwksCache({
      urls: config?.jwksUrls ?? testConfig.jwksUrls,
      now,
      fetchJwks: async (url) => {
        jwksFetches.push(url);
        return Response.json(jwks);
      },
    }),
    sessionEpochs: new SessionEpochCache({
      fetchEpoch: async (region, playerId) => {
        epochFetches.push(`${region}:${playerId}`);
        return epochs.get(playerId) ?? 0;
      },
    }),
    turnstile: async (input) => {
      turnstileCalls.push(input);
      return input.token === "human"
        ? { success: true }
        : { success: false, errorCodes: ["invalid-input-response"] };
    },
    fetchOrigin: async (url, init) => {
      const request = new Request(url, init);
      originRequests.push(request);
      originBodies.push(request.body ? await request.text() : null);
      return Response.json(
        { ok: true, region: new URL(request.url).hostname },
        { headers: { server: "origin/1" } },
      );
    },
    inspect: () => ({ blocked: false, score: 0, matches: [] }),
    log: (line) => logs.push(line),
    now,
    ...overrides,
  };
  const app = createApp(deps);

  async function token(
    claims: Record<string, unknown> = {},
    header: Record<string, unknown> = {},
    signWith: CryptoKey = key.privateKey,
  ): Promise<string> {
    const issuedAt = Math.floor(clock / 1000);
    const payload = {
      sub: "ply_1",
      sid: "ses_1",
      jur: "eu",
      reg: "eu",
      sep: 3,
      iss: ISSUER,
      aud: AUDIENCE,
      iat: issuedAt,
      exp: issuedAt + 600,
      ...claims,
    };
    return new SignJWT(payload).setProtectedHeader({ alg: "ES256", kid: key.kid, ...header }).sign(signWith);
  }

  function request(
    path: string,
    init: {
      method?: string;
      country?: string | null;
      region?: string;
      ip?: string;
      headers?: Record<string, string>;
      body?: string;
      token?: string;
      cf?: Record<string, unknown>;
    } = {},
  ): Promise<Response> {
    const headers = new Headers({ "user-agent": BROWSER_UA, "cf-connecting-ip": init.ip ?? "203.0.113.7" });
    if (init.body !== undefined) headers.set("content-type", "application/json");
    if (init.token) headers.set("authorization", `Bearer ${init.token}`);
    for (const [name, value] of Object.entries(init.headers ?? {})) headers.set(name, value);
    const cf: Record<string, unknown> = { ...init.cf };
    if (init.country !== null) cf.country = init.country ?? "MT";
    if (init.region) cf.regionCode = init.region;
    const request = new Request(`https://api.croupier.test${path}`, {
      method: init.method ?? "GET",
      headers,
      body: init.body,
      cf,
    } as RequestInit);
    return Promise.resolve(app.fetch(request));
  }

  return {
    app,
    deps,
    key,
    jwks,
    jwksFetches,
    originRequests,
    originBodies,
    logs,
    epochs,
    epochFetches,
    turnstileCalls,
    limiterCalls: memory.calls,
    token,
    request,
    advance: (ms: number) => {
      clock += ms;
    },
    now,
  };
}
