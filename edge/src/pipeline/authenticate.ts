import { problem } from "../http/problem.ts";
import { type TokenFailure, verifyAccessToken } from "../session/access-token.ts";
import { JwksUnavailableError } from "../session/jwks-cache.ts";
import type { EdgeRequest, Step } from "./context.ts";

/**
 * Establishes who is calling, per the route's auth mode, and which home region serves them: the signed
 * `reg` claim when there is a token, else the jurisdiction of the request's country.
 */
export const authenticate: Step = async (edge) => {
  const { route, deps } = edge;
  edge.region = edge.jurisdiction?.homeRegion ?? null;
  if (route.auth === "none") return undefined;

  const token = bearerToken(edge.headers.get("authorization") ?? null);
  if (token === null) return route.auth === "required" ? unauthorized(edge, "missing-token") : undefined;

  let result: Awaited<ReturnType<typeof verifyAccessToken>>;
  try {
    result = await verifyAccessToken(token, {
      keys: deps.jwks,
      issuer: deps.config.jwtIssuer,
      audience: deps.config.jwtAudience,
      now: deps.now(),
      allowExpired: route.auth === "routing-only",
    });
  } catch (error) {
    if (!(error instanceof JwksUnavailableError)) throw error;
    edge.log.jwksError = error.message;
    return problem({
      type: "temporarily-unavailable",
      title: "Temporarily unavailable",
      status: 503,
      detail: "Sessions cannot be verified right now. Please retry shortly.",
      instance: edge.requestId,
      headers: { "retry-after": "5" },
    });
  }
  if (!result.ok) {
    // Refresh/logout still work for a client holding a broken token: the origin decides by the refresh token.
    if (route.auth === "routing-only") return undefined;
    return unauthorized(edge, result.reason);
  }
  edge.claims = result.claims;
  edge.region = result.claims.region;
  edge.authenticated = !result.expired;
  edge.log.playerId = result.claims.playerId;
  edge.log.region = result.claims.region;
  return undefined;
};

function bearerToken(header: string | null): string | null {
  if (!header) return null;
  const match = /^Bearer[ ]+([A-Za-z0-9._~+/-]+=*)$/i.exec(header.trim());
  return match?.[1] ?? "";
}

function unauthorized(edge: EdgeRequest, reason: TokenFailure | "missing-token"): Response {
  edge.log.blocked = { by: "session", reason };
  const error = reason === "missing-token" ? "" : ', error="invalid_token"';
  return problem({
    type: "unauthenticated",
    title: "Authentication required",
    status: 401,
    detail:
      reason === "missing-token" ? "A bearer access token is required." : "The access token is not valid.",
    instance: edge.requestId,
    headers: { "www-authenticate": `Bearer realm="croupier"${error}` },
  });
}
