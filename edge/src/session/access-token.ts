import { getJurisdiction, type Region, regions } from "@croupier/jurisdictions";
import { decodeProtectedHeader, errors, jwtVerify } from "jose";
import type { JwksCache } from "./jwks-cache.ts";

export type AccessClaims = {
  playerId: string;
  sessionId: string;
  jurisdiction: string;
  region: Region;
  sessionEpoch: number;
  expiresAt: number;
};

export type TokenFailure =
  | "malformed"
  | "algorithm-not-allowed"
  | "unknown-key"
  | "bad-signature"
  | "expired"
  | "not-yet-valid"
  | "wrong-issuer"
  | "wrong-audience"
  | "bad-claims";

export type TokenResult =
  | { ok: true; claims: AccessClaims; expired: boolean }
  | { ok: false; reason: TokenFailure };

export type TokenVerifierOptions = {
  keys: JwksCache;
  issuer: string;
  audience: string;
  /** Allowed clock difference with player-api. */
  clockToleranceSeconds?: number;
};

/** Access tokens live at most 15 minutes; a longer-lived one was not minted by player-api's rules. */
const MAX_LIFETIME_SECONDS = 15 * 60;
/** Refresh/logout may be routed by an expired token this old at most (the refresh token lifetime). */
const ROUTING_GRACE_SECONDS = 30 * 24 * 3600;
const MAX_TOKEN_LENGTH = 4096;
const idPattern = /^[A-Za-z0-9_-]{1,128}$/;

class UnknownKeyError extends Error {}

/**
 * Tokens this isolate has already verified. A player sends many requests with one token, and the
 * signature check is most of the edge's per-request crypto; the exact token string is the key, so a
 * hit means the very bytes that verified. Time-based claims are re-checked on every hit, and entries
 * die when the JWKS key set changes (a withdrawn key stops its tokens at the next refresh).
 */
type VerifiedToken = { claims: AccessClaims; kid: string; nbf: number | null; keysVersion: number };
// One cache per key set (so per edge app): a token verified against one deployment's keys means nothing to another.
const verifiedByKeys = new WeakMap<JwksCache, Map<string, VerifiedToken>>();
const MAX_VERIFIED = 10_000;

function verifiedTokens(keys: JwksCache): Map<string, VerifiedToken> {
  let verified = verifiedByKeys.get(keys);
  if (!verified) {
    verified = new Map();
    verifiedByKeys.set(keys, verified);
  }
  return verified;
}

function rememberVerified(verified: Map<string, VerifiedToken>, token: string, entry: VerifiedToken): void {
  if (verified.size >= MAX_VERIFIED) {
    const oldest = verified.keys().next().value;
    if (oldest !== undefined) verified.delete(oldest);
  }
  verified.set(token, entry);
}

/**
 * Verifies a player-api access token: ES256 only (alg allowlist: `none`, HS* and RS* are refused before
 * any key is looked up), key by `kid` from the JWKS, `iss`, `aud`, `exp`, `nbf`, lifetime and the
 * Croupier claims. With `allowExpired`, an expired but otherwise valid token passes with `expired: true`
 * (used only to choose the home region for refresh/logout).
 */
export async function verifyAccessToken(
  token: string,
  options: TokenVerifierOptions & { now: number; allowExpired?: boolean },
): Promise<TokenResult> {
  if (token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: "malformed" };
  const tolerance = options.clockToleranceSeconds ?? 5;
  const nowSeconds = options.now / 1000;
  const verified = verifiedTokens(options.keys);
  const cached = verified.get(token);
  if (
    cached &&
    // Keeps the key set fresh (a cheap lookup between refreshes) and notices a withdrawn key.
    (await options.keys.getKey(cached.kid)) !== null &&
    cached.keysVersion === options.keys.version &&
    cached.claims.expiresAt + tolerance >= nowSeconds &&
    (cached.nbf === null || cached.nbf <= nowSeconds + tolerance)
  ) {
    return { ok: true, claims: cached.claims, expired: false };
  }
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(token);
  } catch {
    return { ok: false, reason: "malformed" };
  }
  if (header.alg !== "ES256") return { ok: false, reason: "algorithm-not-allowed" };
  if (typeof header.kid !== "string" || header.kid.length === 0) return { ok: false, reason: "unknown-key" };

  try {
    const { payload } = await jwtVerify(
      token,
      async (protectedHeader) => {
        const key = await options.keys.getKey(protectedHeader.kid ?? "");
        if (!key) throw new UnknownKeyError();
        return key;
      },
      {
        algorithms: ["ES256"],
        issuer: options.issuer,
        audience: options.audience,
        currentDate: new Date(options.now),
        clockTolerance: options.allowExpired ? ROUTING_GRACE_SECONDS : tolerance,
        requiredClaims: ["exp", "iat", "sub", "sid", "jur", "reg", "sep"],
      },
    );
    const claims = readClaims(payload);
    if (!claims) return { ok: false, reason: "bad-claims" };
    const iat = payload.iat as number;
    // A token "issued" in the future with a 15-minute lifetime would otherwise live for as long as it likes.
    if (claims.expiresAt - iat > MAX_LIFETIME_SECONDS || iat > options.now / 1000 + tolerance) {
      return { ok: false, reason: "bad-claims" };
    }
    if (
      options.allowExpired &&
      typeof payload.nbf === "number" &&
      payload.nbf > options.now / 1000 + tolerance
    ) {
      return { ok: false, reason: "not-yet-valid" };
    }
    const expired = claims.expiresAt + tolerance < nowSeconds;
    if (!expired && (typeof payload.nbf !== "number" || payload.nbf <= nowSeconds + tolerance)) {
      rememberVerified(verified, token, {
        claims,
        kid: header.kid,
        nbf: typeof payload.nbf === "number" ? payload.nbf : null,
        keysVersion: options.keys.version,
      });
    }
    return { ok: true, claims, expired };
  } catch (error) {
    return { ok: false, reason: failureOf(error) };
  }
}

function readClaims(payload: Record<string, unknown>): AccessClaims | null {
  const { sub, sid, jur, reg, sep, exp } = payload;
  if (typeof sub !== "string" || !idPattern.test(sub)) return null;
  if (typeof sid !== "string" || !idPattern.test(sid)) return null;
  if (typeof jur !== "string" || typeof reg !== "string") return null;
  if (!(regions as readonly string[]).includes(reg)) return null;
  // The jurisdiction must be licensed and live in the region the token claims.
  if (getJurisdiction(jur)?.homeRegion !== reg) return null;
  if (typeof sep !== "number" || !Number.isSafeInteger(sep) || sep < 0) return null;
  if (typeof exp !== "number") return null;
  return {
    playerId: sub,
    sessionId: sid,
    jurisdiction: jur,
    region: reg as Region,
    sessionEpoch: sep,
    expiresAt: exp,
  };
}

function failureOf(error: unknown): TokenFailure {
  if (error instanceof UnknownKeyError) return "unknown-key";
  if (error instanceof errors.JWTExpired) return "expired";
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === "aud") return "wrong-audience";
    if (error.claim === "iss") return "wrong-issuer";
    if (error.claim === "nbf") return "not-yet-valid";
    return "bad-claims";
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return "algorithm-not-allowed";
  if (error instanceof errors.JWSSignatureVerificationFailed) return "bad-signature";
  if (error instanceof errors.JOSEError) return "malformed";
  throw error;
}
