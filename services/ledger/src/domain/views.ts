// Read models: current balances, balances as of any past instant, and per-account history with
// the balance after each entry. Reads only; one query each.
import { problems } from "@croupier/core/problem";
import type { Sql } from "postgres";
import { ledgerError } from "./ledger-errors.ts";

export interface BalanceView {
  currency: string;
  cash: string;
  bonus: string;
  total: string;
  held: string;
}

export async function balances(sql: Sql, playerId: string, asOf?: string): Promise<BalanceView[]> {
  try {
    return await currentOrPastBalances(sql, playerId, asOf);
  } catch (error) {
    // An ISO string PostgreSQL cannot place (e.g. an offset beyond ±15:59) is bad input, not a fault.
    if (["22007", "22008", "22009"].includes((error as { code?: string }).code ?? "")) {
      throw problems.badRequest("asOf is not an instant PostgreSQL can represent.");
    }
    throw error;
  }
}

async function currentOrPastBalances(sql: Sql, playerId: string, asOf?: string): Promise<BalanceView[]> {
  const rows = asOf
    ? await sql<{ currency: string; cash: bigint; bonus: bigint; held: bigint }[]>`
        select a.currency, coalesce(e.cash_after, 0) as cash, coalesce(e.bonus_after, 0) as bonus,
               coalesce(e.held_after, 0) as held
        from accounts a
        left join lateral (
          select cash_after, bonus_after, held_after from entries
          where account_id = a.id and created_at <= ${asOf}::timestamptz order by seq desc limit 1
        ) e on true
        where a.player_id = ${playerId} and a.created_at <= ${asOf}::timestamptz
        order by a.currency`
    : await sql<{ currency: string; cash: bigint; bonus: bigint; held: bigint }[]>`
        select currency, cash, bonus, held from accounts where player_id = ${playerId} order by currency`;
  if (rows.length === 0 && !asOf) {
    const any = await sql`select 1 from accounts where player_id = ${playerId} limit 1`;
    if (any.length === 0) throw ledgerError("unknown_account", "The player has no ledger account.");
  }
  return rows.map((r) => ({
    currency: r.currency,
    cash: r.cash.toString(),
    bonus: r.bonus.toString(),
    total: (r.cash + r.bonus).toString(),
    held: r.held.toString(),
  }));
}

export interface HistoryItem {
  txId: string;
  kind: string;
  amount: string;
  currency: string;
  bucket: "cash" | "bonus" | "held";
  balanceAfter: { cash: string; bonus: string; held: string };
  reference: string | null;
  entrySeq: string;
  createdAt: string;
}

/** Newest first; the cursor is the entry sequence number to continue below. */
export async function history(
  sql: Sql,
  input: { playerId: string; currency?: string | undefined; limit: number; cursor?: string | undefined },
): Promise<{ items: HistoryItem[]; nextCursor: string | null }> {
  const [account] = input.currency
    ? await sql<{ id: bigint; currency: string }[]>`
        select id, currency from accounts where player_id = ${input.playerId} and currency = ${input.currency}`
    : await sql<{ id: bigint; currency: string }[]>`
        select id, currency from accounts where player_id = ${input.playerId} order by id limit 1`;
  if (!account) throw ledgerError("unknown_account", "The player has no ledger account in this currency.");
  const before = input.cursor ? decodeCursor(input.cursor) : null;
  const rows = await sql<
    {
      seq: bigint;
      tx_id: string;
      kind: string;
      reference: string | null;
      bucket: string;
      amount: bigint;
      cash_after: bigint;
      bonus_after: bigint;
      held_after: bigint;
      created_at: string;
    }[]
  >`
    select e.seq, e.tx_id, t.kind, t.reference, e.bucket, e.amount, e.cash_after, e.bonus_after, e.held_after,
      to_char(e.created_at at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as created_at
    from entries e join transactions t on t.tx_id = e.tx_id
    where e.account_id = ${account.id.toString()}::bigint ${before === null ? sql`` : sql`and e.seq < ${before.toString()}::bigint`}
    order by e.seq desc limit ${input.limit + 1}`;
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      txId: r.tx_id,
      kind: r.kind,
      amount: r.amount.toString(),
      currency: account.currency,
      bucket: r.bucket as HistoryItem["bucket"],
      balanceAfter: {
        cash: r.cash_after.toString(),
        bonus: r.bonus_after.toString(),
        held: r.held_after.toString(),
      },
      reference: r.reference,
      entrySeq: r.seq.toString(),
      createdAt: r.created_at,
    })),
    nextCursor: rows.length > input.limit && last ? encodeCursor(last.seq) : null,
  };
}

function encodeCursor(seq: bigint): string {
  return btoa(`seq:${seq}`).replaceAll("=", "");
}

function decodeCursor(cursor: string): bigint {
  try {
    const match = /^seq:([0-9]{1,19})$/.exec(atob(cursor));
    if (match?.[1]) return BigInt(match[1]);
  } catch {
    // fall through
  }
  throw ledgerError("bad_cursor", "The cursor is not valid.");
}
