// Runs one money operation (a PL/pgSQL function, one round trip) and turns its jsonb answer into
// an outcome or a typed refusal. Unique-key races between two callers touching different
// accounts surface as a unique violation; the retry then finds the winner's record.
import { newId } from "@croupier/core/ids";
import type { Sql } from "postgres";
import { BATCHABLE, type LedgerCall, runCall } from "./ledger-call.ts";
import { ledgerError } from "./ledger-errors.ts";
import { BatchAborted, type OperationBatcher } from "./operation-batcher.ts";

export interface OperationContext {
  sql: Sql;
  /** The authenticated calling service; idempotency keys are scoped to it. */
  caller: string;
  region: string;
  requestId?: string;
  traceparent?: string;
  /** When set, operations on player accounts are micro-batched into shared transactions. */
  batcher?: OperationBatcher | undefined;
}

export interface OperationOutcome {
  status: 200 | 201;
  body: Record<string, unknown>;
  replayed: boolean;
}

type FunctionAnswer =
  | { status: 200 | 201; body: Record<string, unknown>; replayed?: boolean }
  | { error: string; detail: string; ext: Record<string, unknown> };

const RETRYABLE = new Set(["23505", "40001", "40P01"]);

/** Ids and correlation that every posting function takes first. */
export interface PostingIds {
  txId: string;
  eventId: string;
  /** Region and correlation for the event envelope (the functions' jsonb `p_ctx`). */
  context: { region: string; requestId?: string | undefined; traceparent?: string | undefined };
}

export function postingIds(ctx: OperationContext): PostingIds {
  return {
    txId: newId("tx"),
    eventId: newId("evt"),
    context: { region: ctx.region, requestId: ctx.requestId, traceparent: ctx.traceparent },
  };
}

/**
 * Runs the call `describe` returns (one function call, fresh ids per attempt) and interprets its
 * answer. With a batcher, the call joins the current micro-batch (one statement for many
 * operations, locks taken in account order); if that batch fails as a whole, the operation runs
 * again on its own.
 */
export async function runOperation(
  ctx: OperationContext,
  batchKey: string | null,
  describe: (ids: PostingIds) => LedgerCall,
): Promise<OperationOutcome> {
  if (ctx.batcher && batchKey !== null) {
    const call = describe(postingIds(ctx));
    if (BATCHABLE.has(call.fn)) {
      let answer: unknown;
      try {
        answer = await ctx.batcher.submit(batchKey, call);
      } catch (error) {
        if (!(error instanceof BatchAborted)) throw error;
        answer = undefined;
      }
      if (answer !== undefined) return interpret([{ r: answer }]);
    }
  }
  for (let attempt = 1; ; attempt++) {
    let rows: unknown;
    try {
      rows = await runCall(ctx.sql, describe(postingIds(ctx)));
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (attempt < 3 && code !== undefined && RETRYABLE.has(code)) continue;
      if (code === "22003") {
        // A balance or counter would leave the int64 range: refuse, nothing was written.
        throw ledgerError(
          "amount_out_of_range",
          "The amount would take a balance beyond the supported range.",
        );
      }
      throw error;
    }
    return interpret(rows);
  }
}

function interpret(rows: unknown): OperationOutcome {
  const answer = (rows as readonly { r: unknown }[])[0]?.r as FunctionAnswer | undefined;
  if (!answer) throw new Error("ledger function returned no row");
  if ("error" in answer) throw ledgerError(answer.error, answer.detail, answer.ext);
  return { status: answer.status, body: answer.body, replayed: answer.replayed === true };
}
