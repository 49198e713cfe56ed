/**
 * The edge policy for every route it fronts, in one place. A route that is not listed here is
 * answered 404 at the edge and never reaches an origin.
 */

export type RouteClass = "auth" | "money" | "read";

/**
 * How the edge decides a request's identity:
 * - "required": a valid access token; identity is forwarded and routing follows its signed region.
 * - "optional": a token is verified when present (and must then be valid), else the request is anonymous.
 * - "routing-only": the token (even expired, within the refresh lifetime) only chooses the home region,
 *   for refresh/logout; no identity is forwarded unless it is also unexpired.
 * - "none": anonymous; routed by the request's country.
 */
export type AuthMode = "required" | "optional" | "routing-only" | "none";

export type RateLimitPolicy = {
  /** Shared by every route that names it, so a class shares one budget. Appears in RateLimit headers. */
  name: string;
  /** "ip" is checked before authentication, "player" after. */
  dimension: "ip" | "player";
  limit: number;
  windowSeconds: number;
};

export type RoutePolicy = {
  /** Stable id used in logs, metrics and WAF exclusions. */
  id: string;
  /**
   * The one method the route serves. It is also the route's WAF method allowlist: PUT, PATCH and
   * DELETE pass the WAF only on routes listed with them; every route accepts GET, HEAD, POST and
   * OPTIONS as far as the WAF is concerned (routing still answers 404 for a method not listed).
   */
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Hono path pattern. */
  path: string;
  class: RouteClass;
  auth: AuthMode;
  /** Turnstile token required (header `cf-turnstile-response`), with the widget action expected. */
  turnstile: { action: string } | null;
  /** Money-moving or account-protecting: the session epoch is checked so a revoked session stops at once. */
  checkSessionEpoch: boolean;
  /** Largest body accepted; larger is 413 before anything reads it. */
  maxBodyBytes: number;
  rateLimits: readonly RateLimitPolicy[];
};

const KIB = 1024;

// Budgets per route class. Per-IP budgets are generous enough for a household or a mobile carrier NAT;
// per-player budgets are what one person can reasonably do.
const authPerIp: RateLimitPolicy = { name: "auth-ip", dimension: "ip", limit: 20, windowSeconds: 60 };
const registerPerIp: RateLimitPolicy = {
  name: "register-ip",
  dimension: "ip",
  limit: 5,
  windowSeconds: 3600,
};
const moneyPerIp: RateLimitPolicy = { name: "money-ip", dimension: "ip", limit: 60, windowSeconds: 60 };
const moneyPerPlayer: RateLimitPolicy = {
  name: "money-player",
  dimension: "player",
  limit: 20,
  windowSeconds: 60,
};
const readPerIp: RateLimitPolicy = { name: "read-ip", dimension: "ip", limit: 600, windowSeconds: 60 };
const readPerPlayer: RateLimitPolicy = {
  name: "read-player",
  dimension: "player",
  limit: 240,
  windowSeconds: 60,
};
// Self-exclusion must always be reachable: its own budget, never shared with money traffic.
const selfExclusionPerPlayer: RateLimitPolicy = {
  name: "self-exclusion-player",
  dimension: "player",
  limit: 10,
  windowSeconds: 60,
};

export const routes: readonly RoutePolicy[] = [
  {
    id: "auth.register",
    method: "POST",
    path: "/v1/auth/register",
    class: "auth",
    auth: "none",
    turnstile: { action: "register" },
    checkSessionEpoch: false,
    maxBodyBytes: 16 * KIB,
    rateLimits: [authPerIp, registerPerIp],
  },
  {
    id: "auth.login",
    method: "POST",
    path: "/v1/auth/login",
    class: "auth",
    auth: "none",
    turnstile: { action: "login" },
    checkSessionEpoch: false,
    maxBodyBytes: 8 * KIB,
    rateLimits: [authPerIp],
  },
  {
    id: "auth.refresh",
    method: "POST",
    path: "/v1/auth/refresh",
    class: "auth",
    auth: "routing-only",
    turnstile: null,
    checkSessionEpoch: false,
    maxBodyBytes: 8 * KIB,
    rateLimits: [authPerIp],
  },
  {
    id: "auth.logout",
    method: "POST",
    path: "/v1/auth/logout",
    class: "auth",
    auth: "routing-only",
    turnstile: null,
    checkSessionEpoch: false,
    maxBodyBytes: 8 * KIB,
    rateLimits: [authPerIp],
  },
  {
    id: "auth.password-change",
    method: "POST",
    path: "/v1/auth/password",
    class: "auth",
    auth: "required",
    turnstile: null,
    // A changed password ends every other session; a revoked one must not change it.
    checkSessionEpoch: true,
    maxBodyBytes: 8 * KIB,
    rateLimits: [authPerIp],
  },
  {
    id: "auth.jwks",
    method: "GET",
    path: "/.well-known/jwks.json",
    class: "read",
    auth: "none",
    turnstile: null,
    checkSessionEpoch: false,
    maxBodyBytes: 0,
    rateLimits: [readPerIp],
  },
  {
    id: "wallet.balances",
    method: "GET",
    path: "/v1/wallet/balances",
    class: "read",
    auth: "required",
    turnstile: null,
    checkSessionEpoch: false,
    maxBodyBytes: 0,
    rateLimits: [readPerIp, readPerPlayer],
  },
  {
    id: "wallet.transactions",
    method: "GET",
    path: "/v1/wallet/transactions",
    class: "read",
    auth: "required",
    turnstile: null,
    checkSessionEpoch: false,
    maxBodyBytes: 0,
    rateLimits: [readPerIp, readPerPlayer],
  },
  {
    id: "games.list",
    method: "GET",
    path: "/v1/games",
    class: "read",
    auth: "optional",
    turnstile: null,
    checkSessionEpoch: false,
    maxBodyBytes: 0,
    rateLimits: [readPerIp, readPerPlayer],
  },
  {
    id: "games.launch",
    method: "POST",
    path: "/v1/games/:gameId/launch",
    class: "money",
    auth: "required",
    turnstile: null,
    checkSessionEpoch: true,
    maxBodyBytes: 8 * KIB,
    rateLimits: [moneyPerIp, moneyPerPlayer],
  },
  {
    id: "limits.read",
    method: "GET",
    path: "/v1/limits",
    class: "read",
    auth: "required",
    turnstile: null,
    checkSessionEpoch: false,
    maxBodyBytes: 0,
    rateLimits: [readPerIp, readPerPlayer],
  },
  {
    id: "limits.update",
    method: "PUT",
    path: "/v1/limits",
    class: "money",
    auth: "required",
    turnstile: null,
    checkSessionEpoch: true,
    maxBodyBytes: 64 * KIB,
    rateLimits: [moneyPerIp, moneyPerPlayer],
  },
  {
    id: "rg.self-exclusion",
    method: "POST",
    path: "/v1/self-exclusion",
    class: "money",
    auth: "required",
    turnstile: null,
    checkSessionEpoch: true,
    maxBodyBytes: 8 * KIB,
    rateLimits: [selfExclusionPerPlayer],
  },
  {
    id: "rg.time-out",
    method: "POST",
    path: "/v1/time-out",
    class: "money",
    auth: "required",
    turnstile: null,
    checkSessionEpoch: true,
    maxBodyBytes: 8 * KIB,
    rateLimits: [selfExclusionPerPlayer],
  },
  {
    id: "rg.reality-check",
    method: "PUT",
    path: "/v1/reality-check",
    class: "money",
    auth: "required",
    turnstile: null,
    checkSessionEpoch: true,
    maxBodyBytes: 8 * KIB,
    rateLimits: [moneyPerIp, moneyPerPlayer],
  },
  {
    id: "cashier.deposit",
    method: "POST",
    path: "/v1/cashier/deposits",
    class: "money",
    auth: "required",
    turnstile: { action: "deposit" },
    checkSessionEpoch: true,
    maxBodyBytes: 16 * KIB,
    rateLimits: [moneyPerIp, moneyPerPlayer],
  },
  {
    id: "cashier.withdrawal",
    method: "POST",
    path: "/v1/cashier/withdrawals",
    class: "money",
    auth: "required",
    turnstile: { action: "withdrawal" },
    checkSessionEpoch: true,
    maxBodyBytes: 16 * KIB,
    rateLimits: [moneyPerIp, moneyPerPlayer],
  },
];
