import type { HeaderFields } from "@croupier/edge-auth";
import type { AllowedJurisdiction, Region } from "@croupier/jurisdictions";
import type { TurnstileVerifier } from "../bot/turnstile.ts";
import type { EdgeConfig } from "../env.ts";
import type { RoutePolicy } from "../policy/routes.ts";
import type { DenyCache } from "../rate-limit/deny-cache.ts";
import type { PolicyState } from "../rate-limit/headers.ts";
import type { RateLimiterClient } from "../rate-limit/limiter.ts";
import type { AccessClaims } from "../session/access-token.ts";
import type { JwksCache } from "../session/jwks-cache.ts";
import type { SessionEpochCache } from "../session/session-epoch.ts";
import type { inspectRequest } from "../waf/index.ts";

export type LogLine = Record<string, unknown>;

/** What the edge sends to an origin besides the URL. */
export type OriginRequestInit = {
  method: string;
  headers: HeaderFields;
  body: string | null;
  redirect: "manual";
};

/** Everything the edge needs from outside, injected so tests and the benchmark can swap any of it. */
export type EdgeDeps = {
  config: EdgeConfig;
  rateLimiter: RateLimiterClient;
  denyCache: DenyCache;
  jwks: JwksCache;
  sessionEpochs: SessionEpochCache;
  turnstile: TurnstileVerifier;
  /**
   * Sends an already signed request to an origin. A URL and its init, not a `Request`: `fetch` builds
   * its own `Request` (and copies the headers into it) whatever it is given, so one built beforehand
   * would be a second set of runtime objects per forwarded request (ADR 0108).
   */
  fetchOrigin: (url: string, init: OriginRequestInit) => Promise<Response>;
  inspect: typeof inspectRequest;
  log: (line: LogLine) => void;
  now: () => number;
};

/** One request's journey through the edge; each step reads what earlier steps established. */
export type EdgeRequest = {
  deps: EdgeDeps;
  request: Request;
  /** The request's headers, read once (http/read-headers.ts). */
  headers: ReadonlyMap<string, string>;
  url: URL;
  route: RoutePolicy;
  requestId: string;
  traceparent: string;
  clientIp: string | null;
  country: string | null;
  jurisdiction: AllowedJurisdiction | null;
  body: string | null;
  contentType: string | null;
  /** The body is not JSON: refused with 415 once the WAF has judged it. */
  unsupportedMediaType: boolean;
  claims: AccessClaims | null;
  /** Claims are forwarded as identity only when the token is fully valid (not merely routable). */
  authenticated: boolean;
  /** Home region the request goes to. */
  region: Region | null;
  rateLimits: PolicyState[];
  /** Fields for the one log line of this request. */
  log: LogLine;
};

/** A step either stops the request with a response or lets it continue. */
export type Step = (edge: EdgeRequest) => Response | undefined | Promise<Response | undefined>;
