// Access tokens: ES256 JWTs the edge verifies with the JWKS, and the origin verifies again.
import { decodeProtectedHeader, jwtVerify, SignJWT } from "jose";
import type { KeyRing } from "../keys/key-ring.ts";

export const ISSUER = "croupier-player-api";
export const AUDIENCE = "croupier-edge";

export interface AccessClaims {
  playerId: string;
  sessionId: string;
  jurisdiction: string;
  region: string;
  sessionEpoch: number;
}

export async function signAccessToken(
  keys: KeyRing,
  claims: AccessClaims,
  options: { now: Date; ttlSeconds: number },
): Promise<{ token: string; expiresIn: number }> {
  const { kid, key } = await keys.signer();
  const iat = Math.floor(options.now.getTime() / 1000);
  const token = await new SignJWT({
    jur: claims.jurisdiction,
    reg: claims.region,
    sid: claims.sessionId,
    sep: claims.sessionEpoch,
  })
    .setProtectedHeader({ alg: "ES256", kid, typ: "JWT" })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setSubject(claims.playerId)
    .setIssuedAt(iat)
    .setExpirationTime(iat + options.ttlSeconds)
    .sign(key);
  return { token, expiresIn: options.ttlSeconds };
}

/** The claims of a valid, unexpired token signed by one of our signing or retired keys, else null. */
export async function verifyAccessToken(
  keys: KeyRing,
  token: string,
  now: Date,
): Promise<AccessClaims | null> {
  try {
    const header = decodeProtectedHeader(token);
    if (header.alg !== "ES256" || typeof header.kid !== "string") return null;
    const key = await keys.verificationKey(header.kid);
    if (!key) return null;
    const { payload } = await jwtVerify(token, key, {
      algorithms: ["ES256"],
      issuer: ISSUER,
      audience: AUDIENCE,
      currentDate: now,
      clockTolerance: 5,
      requiredClaims: ["exp", "iat", "sub", "sid", "jur", "reg", "sep"],
    });
    const { sub, sid, jur, reg, sep } = payload;
    if (
      typeof sub !== "string" ||
      typeof sid !== "string" ||
      typeof jur !== "string" ||
      typeof reg !== "string"
    )
      return null;
    if (typeof sep !== "number" || !Number.isSafeInteger(sep)) return null;
    return { playerId: sub, sessionId: sid, jurisdiction: jur, region: reg, sessionEpoch: sep };
  } catch {
    return null;
  }
}
