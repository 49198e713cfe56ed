// A ledger operation as data: which PL/pgSQL function, with which arguments. The same description
// runs on its own (one `select fn(...)`) or inside a micro-batch (one `select ledger_batch(...)`
// for many), so a batch never needs a second code path per operation.
import type { Sql } from "postgres";

export type LedgerFunction =
  | "ledger_open_account"
  | "ledger_bet"
  | "ledger_win"
  | "ledger_rollback"
  | "ledger_deposit"
  | "ledger_withdraw"
  | "ledger_settle_withdrawal"
  | "ledger_adjust"
  | "ledger_bonus_grant"
  | "ledger_bonus_settle";

/** Functions `ledger_batch` can dispatch (migrations/0004); the others always run on their own. */
export const BATCHABLE: ReadonlySet<LedgerFunction> = new Set([
  "ledger_bet",
  "ledger_win",
  "ledger_rollback",
  "ledger_deposit",
  "ledger_withdraw",
  "ledger_adjust",
  "ledger_bonus_grant",
]);

export interface LedgerCall {
  fn: LedgerFunction;
  /**
   * Positional arguments; PostgreSQL casts each to the function's declared parameter type. A jsonb
   * parameter takes an object (postgres.js serialises it once; a pre-serialised string would be
   * stored as a JSON string).
   */
  args: (string | boolean | null | Record<string, unknown>)[];
}

const statements = new Map<string, string>();

// jsonb arguments travel as text and are cast in SQL (`$n::text::jsonb`): postgres.js would
// otherwise serialise by the parameter type the server describes, turning a pre-serialised string
// into a JSON string scalar on some executions and not others.
function isJson(arg: LedgerCall["args"][number]): arg is Record<string, unknown> {
  return arg !== null && typeof arg === "object";
}

/** Runs one call as its own statement (and implicit transaction); resolves to the `r` row. */
export function runCall(sql: Sql, call: LedgerCall): Promise<readonly { r: unknown }[]> {
  const shape = `${call.fn}/${call.args.map((arg) => (isJson(arg) ? "j" : "v")).join("")}`;
  let text = statements.get(shape);
  if (!text) {
    // fn is one of the fixed names above, never caller input.
    const placeholders = call.args.map((arg, i) => (isJson(arg) ? `$${i + 1}::text::jsonb` : `$${i + 1}`));
    text = `select ${call.fn}(${placeholders.join(", ")}) as r`;
    statements.set(shape, text);
  }
  const args = call.args.map((arg) => (isJson(arg) ? JSON.stringify(arg) : arg));
  return sql.unsafe(text, args as never[], { prepare: true }) as unknown as Promise<
    readonly { r: unknown }[]
  >;
}

/** Runs many calls as one statement; resolves to their answers in the same order. */
export async function runBatch(sql: Sql, calls: readonly LedgerCall[]): Promise<unknown[]> {
  const ops = JSON.stringify(calls.map((call) => [call.fn, call.args]));
  const rows = await sql<{ r: unknown[] }[]>`select ledger_batch(${ops}::text::jsonb) as r`;
  const answers = rows[0]?.r;
  if (!Array.isArray(answers) || answers.length !== calls.length) {
    throw new Error("ledger_batch answered a different number of operations");
  }
  return answers;
}
