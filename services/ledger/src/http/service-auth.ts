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
  return async (c, next) => {
    const caller = await verify(c.req.header("authorization"));
    (c as unknown as Context).set(CALLER, caller);
    await next();
  };
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
