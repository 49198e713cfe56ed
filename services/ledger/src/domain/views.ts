// Read models: current balances, balances as of any past instant, and per-account history with
// the balance after each entry. Reads only, written with drizzle over the ledger schema
// (src/db/schema.ts); money stays bigint end to end and leaves as decimal strings.
import { AppError, problems } from "@croupier/core/problem";
import { and, desc, eq, lt, lte, sql } from "drizzle-orm";
import type { LedgerDb } from "../db/ledger-db.ts";
import { accounts, entries, transactions } from "../db/schema.ts";
import { ledgerError } from "./ledger-errors.ts";

export interface BalanceView {
  currency: string;
  cash: string;
  bonus: string;
  total: string;
  held: string;
}

// SQLSTATEs of a timestamp PostgreSQL cannot parse or place (e.g. an offset beyond ±15:59).
const badInstant = new Set(["22007", "22008", "22009"]);

export async function balances(db: LedgerDb, playerId: string, asOf?: string): Promise<BalanceView[]> {
  try {
    return await currentOrPastBalances(db, playerId, asOf);
  } catch (error) {
    if (badInstant.has(sqlState(error) ?? "")) {
      throw problems.badRequest("asOf is not an instant PostgreSQL can represent.");
    }
    throw error;
  }
}

async function currentOrPastBalances(db: LedgerDb, playerId: string, asOf?: string): Promise<BalanceView[]> {
  const rows = asOf ? await pastBalances(db, playerId, asOf) : await currentBalances(db, playerId);
  // Only the current read refuses: as of an instant before the first account there is nothing yet.
  if (rows.length === 0 && !asOf) throw ledgerError("unknown_account", "The player has no ledger account.");
  return rows.map((r) => ({
    currency: r.currency,
    cash: r.cash.toString(),
    bonus: r.bonus.toString(),
    total: (r.cash + r.bonus).toString(),
    held: r.held.toString(),
  }));
}

function currentBalances(db: LedgerDb, playerId: string) {
  return db
    .select({ currency: accounts.currency, cash: accounts.cash, bonus: accounts.bonus, held: accounts.held })
    .from(accounts)
    .where(eq(accounts.playerId, playerId))
    .orderBy(accounts.currency);
}

/** Each account's balances after its last entry at or before the instant (zero before its first). */
function pastBalances(db: LedgerDb, playerId: string, asOf: string) {
  const last = db
    .select({ cash: entries.cashAfter, bonus: entries.bonusAfter, held: entries.heldAfter })
    .from(entries)
    .where(and(eq(entries.accountId, accounts.id), lte(entries.createdAt, asOf)))
    .orderBy(desc(entries.seq))
    .limit(1)
    .as("last_entry");
  return db
    .select({
      currency: accounts.currency,
      cash: sql<bigint>`coalesce(${last.cash}, 0)`.mapWith(toBigInt),
      bonus: sql<bigint>`coalesce(${last.bonus}, 0)`.mapWith(toBigInt),
      held: sql<bigint>`coalesce(${last.held}, 0)`.mapWith(toBigInt),
    })
    .from(accounts)
    .leftJoinLateral(last, sql`true`)
    .where(and(eq(accounts.playerId, playerId), lte(accounts.createdAt, asOf)))
    .orderBy(accounts.currency);
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

/**
 * Newest first; the cursor is the entry sequence number to continue below. Without a currency the
 * player's only account is read; a player with accounts in several currencies must name one
 * (400 currency_required, listing them), since one page never mixes accounts.
 */
export async function history(
  db: LedgerDb,
  input: { playerId: string; currency?: string | undefined; limit: number; cursor?: string | undefined },
): Promise<{ items: HistoryItem[]; nextCursor: string | null }> {
  const account = await historyAccount(db, input.playerId, input.currency);
  const before = input.cursor ? decodeCursor(input.cursor) : null;
  const rows = await db
    .select({
      seq: entries.seq,
      txId: entries.txId,
      kind: transactions.kind,
      reference: transactions.reference,
      bucket: entries.bucket,
      amount: entries.amount,
      cashAfter: entries.cashAfter,
      bonusAfter: entries.bonusAfter,
      heldAfter: entries.heldAfter,
      createdAt: sql<string>`to_char(${entries.createdAt} at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    })
    .from(entries)
    .innerJoin(transactions, eq(transactions.txId, entries.txId))
    .where(and(eq(entries.accountId, account.id), before === null ? undefined : lt(entries.seq, before)))
    .orderBy(desc(entries.seq))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      txId: r.txId,
      kind: r.kind,
      amount: r.amount.toString(),
      currency: account.currency,
      bucket: r.bucket,
      balanceAfter: {
        cash: r.cashAfter.toString(),
        bonus: r.bonusAfter.toString(),
        held: r.heldAfter.toString(),
      },
      reference: r.reference,
      entrySeq: r.seq.toString(),
      createdAt: r.createdAt,
    })),
    nextCursor: rows.length > input.limit && last ? encodeCursor(last.seq) : null,
  };
}

async function historyAccount(db: LedgerDb, playerId: string, currency: string | undefined) {
  const found = await db
    .select({ id: accounts.id, currency: accounts.currency })
    .from(accounts)
    .where(
      and(
        eq(accounts.playerId, playerId),
        currency === undefined ? undefined : eq(accounts.currency, currency),
      ),
    )
    .orderBy(accounts.currency);
  const [account] = found;
  if (!account) {
    throw ledgerError(
      "unknown_account",
      currency === undefined
        ? "The player has no ledger account."
        : "The player has no ledger account in this currency.",
    );
  }
  if (found.length > 1) throw currencyRequired(found.map((a) => a.currency));
  return account;
}

/** 400: the player has accounts in several currencies and the request did not name one. */
export function currencyRequired(currencies: string[]): AppError {
  return new AppError(
    "currency_required",
    400,
    "A currency is required",
    `The player has accounts in ${currencies.join(", ")}; give one of them as currency.`,
    { extensions: { currencies } },
  );
}

const maxSeq = 2n ** 63n - 1n;

function encodeCursor(seq: bigint): string {
  return btoa(`seq:${seq}`).replaceAll("=", "");
}

function decodeCursor(cursor: string): bigint {
  try {
    const match = /^seq:([0-9]{1,19})$/.exec(atob(cursor));
    // Beyond bigint the database would refuse the comparison: that is a bad cursor, not a fault.
    if (match?.[1] && BigInt(match[1]) <= maxSeq) return BigInt(match[1]);
  } catch {
    // fall through
  }
  throw ledgerError("bad_cursor", "The cursor is not valid.");
}

/** Exact whatever the pool's bigint parser: postgres.js gives BigInt or, unconfigured, a string. */
function toBigInt(value: unknown): bigint {
  return BigInt(value as bigint | string);
}

/** The SQLSTATE of a database error, also when drizzle wraps it (DrizzleQueryError keeps it as cause). */
function sqlState(error: unknown): string | undefined {
  let e = error;
  for (let depth = 0; depth < 4 && e instanceof Object; depth++, e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
  }
  return undefined;
}
