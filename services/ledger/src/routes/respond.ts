import type { ServiceEnv } from "@croupier/core/http/context";
import { formatTraceparent } from "@croupier/core/trace-context";
import type { Context } from "hono";
import type { Sql } from "postgres";
import type { OperationContext, OperationOutcome } from "../domain/run-operation.ts";

/** The operation context of this request: the caller's scope, region and correlation. */
export function operationContext(c: Context, sql: Sql, caller: string, region: string): OperationContext {
  const env = c as unknown as Context<ServiceEnv>;
  return {
    sql,
    caller,
    region,
    requestId: env.get("requestId"),
    traceparent: formatTraceparent(env.get("trace")),
  };
}

/** Sends an operation's answer; a replay carries `Idempotent-Replayed: true`. */
export function respond(c: Context, outcome: OperationOutcome): never {
  const headers: Record<string, string> = outcome.replayed ? { "Idempotent-Replayed": "true" } : {};
  return c.json(outcome.body, outcome.status, headers) as never;
}
