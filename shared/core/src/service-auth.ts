// Service-to-service authentication: each calling service holds its own HMAC key and mints
// short-lived tokens naming itself; the callee knows every caller's key and role, so a
// leaked key exposes one caller's permissions only, and nothing else can call at all.
import { decodeJwt, jwtVerify, SignJWT } from "jose";
import { problems } from "./problem.ts";

export interface ServiceCaller {
  /** The calling service, e.g. "bridge". */
  name: string;
  /** What the caller may do, e.g. "gaming", "cashier", "backoffice". */
  role: string;
  /** HMAC key shared by the caller and the callee only (≥ 32 characters). */
  secret: string;
}

const TOKEN_LIFETIME_S = 60;
const encoder = new TextEncoder();

/** Mints a token for calls to `audience`, reusing it until shortly before it expires. */
export function serviceTokenMinter(options: { caller: string; audience: string; secret: string }) {
  const key = encoder.encode(options.secret);
  let cached: { token: string; renewAt: number } | undefined;
  return async (now = Date.now()): Promise<string> => {
    if (cached && now < cached.renewAt) return cached.token;
    const iat = Math.floor(now / 1000);
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setIssuer(options.caller)
      .setSubject(options.caller)
      .setAudience(options.audience)
      .setIssuedAt(iat)
      .setExpirationTime(iat + TOKEN_LIFETIME_S)
      .sign(key);
    cached = { token, renewAt: now + (TOKEN_LIFETIME_S - 15) * 1000 };
    return token;
  };
}

/** Verifies a bearer service token; resolves to the caller or throws a 401 problem. */
export function serviceTokenVerifier(options: { audience: string; callers: ServiceCaller[] }) {
  const byName = new Map(options.callers.map((c) => [c.name, { ...c, key: encoder.encode(c.secret) }]));
  return async (authorization: string | undefined | null): Promise<ServiceCaller> => {
    const challenge = 'Bearer realm="croupier-internal"';
    const token = authorization?.startsWith("Bearer ") ? authorization.slice(7).trim() : undefined;
    if (!token)
      throw problems.unauthorized("A service token is required (Authorization: Bearer …).", challenge);
    const issuer = peekIssuer(token);
    const caller = issuer ? byName.get(issuer) : undefined;
    if (!caller) throw problems.unauthorized("The service token names an unknown caller.", challenge);
    try {
      await jwtVerify(token, caller.key, {
        algorithms: ["HS256"],
        audience: options.audience,
        issuer: caller.name,
        maxTokenAge: `${TOKEN_LIFETIME_S + 5}s`,
        clockTolerance: 5,
      });
    } catch {
      throw problems.unauthorized(
        "The service token is invalid or expired.",
        `${challenge}, error="invalid_token"`,
      );
    }
    return { name: caller.name, role: caller.role, secret: "" };
  };
}

function peekIssuer(token: string): string | undefined {
  try {
    const { iss } = decodeJwt(token);
    return typeof iss === "string" ? iss : undefined;
  } catch {
    return undefined;
  }
}

/** Parses `name:role:secret,name:role:secret` (how callers are configured through one env var). */
export function parseCallers(value: string): ServiceCaller[] {
  return value
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => {
      const [name, role, ...rest] = item.split(":");
      const secret = rest.join(":");
      if (!name || !role || secret.length < 32) {
        throw new Error("expected entries name:role:secret with a secret of at least 32 characters");
      }
      return { name, role, secret };
    });
}
