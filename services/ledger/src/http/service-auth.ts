// Only authenticated services may call /v1, and each only the operations of its role
// (the bridge cannot deposit, the cashier cannot bet).
import type { ServiceEnv } from "@croupier/core/http/context";
import { problemResponse } from "@croupier/core/problem";
import { type ServiceCaller, serviceTokenVerifier } from "@croupier/core/service-auth";
import type { Context, MiddlewareHandler } from "hono";
import { ledgerError } from "../domain/ledger-errors.ts";

export type CallerRole = "gaming" | "player" | "cashier";

const CALLER = "ledgerCaller";

export function requireServiceToken(callers: ServiceCaller[]): MiddlewareHandler<ServiceEnv> {
  const verify = serviceTokenVerifier({ audience: "ledger", callers });
  // Callers reuse a token for most of its minute of life; verifying each one once (instead of an
  // HMAC per request) takes the signature check off the hot path. Entries expire with the token.
  const verified = new Map<string, { caller: ServiceCaller; until: number }>();
  return async (c, next) => {
    const authorization = c.req.header("authorization") ?? "";
    const now = Date.now();
    let hit = verified.get(authorization);
    if (!hit || hit.until <= now) {
      const caller = await verify(authorization);
      if (verified.size >= 1_000) verified.clear();
      hit = { caller, until: Math.min(tokenExpiry(authorization), now + 60_000) };
      verified.set(authorization, hit);
    }
    (c as unknown as Context).set(CALLER, hit.caller);
    await next();
  };
}

/** The token's `exp` in ms (already verified); 0 when unreadable, so nothing is cached. */
function tokenExpiry(authorization: string): number {
  try {
    const payload = authorization.slice(7).split(".")[1] ?? "";
    const { exp } = JSON.parse(atob(payload.replaceAll("-", "+").replaceAll("_", "/"))) as { exp?: number };
    return typeof exp === "number" ? exp * 1000 : 0;
  } catch {
    return 0;
  }
}

/** The authenticated caller; throws forbidden_operation unless its role is one of `roles`. */
export function authorize(c: Context, roles: readonly CallerRole[]): ServiceCaller {
  const caller = c.get(CALLER) as ServiceCaller | undefined;
  if (!caller) throw ledgerError("forbidden_operation", "No authenticated caller.");
  if (!roles.includes(caller.role as CallerRole)) {
    throw ledgerError(
      "forbidden_operation",
      `The ${caller.role} role may not use ${c.req.method} ${c.req.routePath}; allowed: ${roles.join(", ")}.`,
    );
  }
  return caller;
}

export { problemResponse };
