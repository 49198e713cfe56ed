import type { ServiceEnv } from "@croupier/core/http/context";
import { formatTraceparent } from "@croupier/core/trace-context";
import type { Context } from "hono";
import type { Sql } from "postgres";
import type { OperationBatcher } from "../domain/operation-batcher.ts";
import type { OperationContext, OperationOutcome } from "../domain/run-operation.ts";
import { authorize, type CallerRole } from "../http/service-auth.ts";

/** The operation context of this request: the caller's scope, region and correlation. */
function operationContext(
  c: Context,
  deps: { sql: Sql; region: string; batcher?: OperationBatcher | undefined },
  caller: string,
): OperationContext {
  const env = c as unknown as Context<ServiceEnv>;
  return {
    sql: deps.sql,
    caller,
    region: deps.region,
    requestId: env.get("requestId"),
    traceparent: formatTraceparent(env.get("trace")),
    batcher: deps.batcher,
  };
}

/** Refuses a caller whose role may not use this route; otherwise, the operation context for it. */
export function authorizedContext(
  c: Context,
  deps: { sql: Sql; region: string; batcher?: OperationBatcher | undefined },
  roles: readonly CallerRole[],
): OperationContext {
  return operationContext(c, deps, authorize(c, roles).name);
}

/** Sends an operation's answer; a replay carries `Idempotent-Replayed: true`. */
export function respond(c: Context, outcome: OperationOutcome): never {
  const headers: Record<string, string> = outcome.replayed ? { "Idempotent-Replayed": "true" } : {};
  return c.json(outcome.body, outcome.status, headers) as never;
}
