// The ledger's tables as drizzle (pg-core) objects: the typed description that reads are written
// against. The SQL migrations stay the source of truth (they are what runs, and the money operations
// are PL/pgSQL functions over these tables); test/schema.test.ts fails when the two disagree.
// Money is bigint in "bigint" mode, so no amount ever passes through a float. Timestamps are read as
// strings, so their microseconds survive (a Date would keep milliseconds only).
import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  customType,
  date,
  foreignKey,
  index,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from "drizzle-orm/pg-core";

/** bytea (hash-chain links), as the bytes postgres.js returns. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
});

const money = (name: string) => bigint(name, { mode: "bigint" });

// Rules kept by types rather than table checks, which PostgreSQL recompiles on every write
// (migration 0008).
export const ledgerBucket = pgEnum("ledger_bucket", ["cash", "bonus", "held"]);
export const ledgerBetStatus = pgEnum("ledger_bet_status", ["open", "settled", "rolled_back", "tombstone"]);
/** bigint that may not go below zero (domain ledger_nonnegative_units); read as bigint. */
const nonNegativeMoney = customType<{ data: bigint; driverData: string | bigint }>({
  dataType: () => "ledger_nonnegative_units",
  fromDriver: (value) => BigInt(value),
  toDriver: (value) => value.toString(),
});
const instant = (name: string) => timestamp(name, { withTimezone: true, mode: "string" });

export const jurisdictionRules = pgTable(
  "jurisdiction_rules",
  {
    jurisdiction: text("jurisdiction").primaryKey(),
    betOrder: text("bet_order", { enum: ["cash_first", "bonus_first"] })
      .notNull()
      .default("cash_first"),
  },
  (t) => [check("jurisdiction_rules_bet_order_check", sql`${t.betOrder} in ('cash_first', 'bonus_first')`)],
);

/** Operator-side accounts, one per kind, jurisdiction and currency; `balance` is the rolled-up part. */
export const houseAccounts = pgTable(
  "house_accounts",
  {
    id: text("id").primaryKey(), // '<kind>:<jurisdiction>:<currency>'
    kind: text("kind", { enum: ["house", "psp_clearing", "bonus_liability", "adjustments"] }).notNull(),
    jurisdiction: text("jurisdiction").notNull(),
    currency: text("currency").notNull(),
    balance: money("balance").notNull().default(0n),
    rolledUpAt: instant("rolled_up_at"),
  },
  (t) => [
    check(
      "house_accounts_kind_check",
      sql`${t.kind} in ('house', 'psp_clearing', 'bonus_liability', 'adjustments')`,
    ),
  ],
);

export const houseEntries = pgTable(
  "house_entries",
  {
    txId: text("tx_id").notNull(),
    houseId: text("house_id").notNull(),
    amount: money("amount").notNull(),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [primaryKey({ name: "house_entries_pkey", columns: [t.txId, t.houseId] })],
);

/** House legs not rolled up yet; no key and no index on purpose (append, then delete in bulk). */
export const housePending = pgTable("house_pending", {
  houseId: text("house_id").notNull(),
  amount: money("amount").notNull(),
});

const nonNegative = (table: string, column: string) =>
  check(`${table}_${column}_check`, sql`${sql.identifier(column)} >= 0`);

/** What player-api tells the ledger to enforce: status, exclusion, limits. */
export const playerControls = pgTable(
  "player_controls",
  {
    playerId: text("player_id").primaryKey(),
    status: text("status", { enum: ["active", "blocked", "closed"] })
      .notNull()
      .default("active"),
    exclusionKind: text("exclusion_kind", { enum: ["self_exclusion", "cool_off"] }),
    exclusionUntil: instant("exclusion_until"), // null with a kind set: permanent
    limitsCurrency: text("limits_currency"),
    depositDay: money("deposit_day"),
    depositWeek: money("deposit_week"),
    depositMonth: money("deposit_month"),
    lossDay: money("loss_day"),
    lossWeek: money("loss_week"),
    lossMonth: money("loss_month"),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [
    check("player_controls_status_check", sql`${t.status} in ('active', 'blocked', 'closed')`),
    check("player_controls_exclusion_kind_check", sql`${t.exclusionKind} in ('self_exclusion', 'cool_off')`),
    ...["deposit_day", "deposit_week", "deposit_month", "loss_day", "loss_week", "loss_month"].map((c) =>
      nonNegative("player_controls", c),
    ),
  ],
);

export const accounts = pgTable(
  "accounts",
  {
    id: bigint("id", { mode: "bigint" }).primaryKey().generatedAlwaysAsIdentity(),
    playerId: text("player_id").notNull(),
    currency: text("currency").notNull(),
    jurisdiction: text("jurisdiction").notNull(),
    cash: money("cash").notNull().default(0n),
    bonus: nonNegativeMoney("bonus").notNull().default(0n),
    held: nonNegativeMoney("held").notNull().default(0n),
    cashFloor: money("cash_floor").notNull().default(0n),
    txSeq: bigint("tx_seq", { mode: "bigint" }).notNull().default(0n),
    entrySeq: bigint("entry_seq", { mode: "bigint" }).notNull().default(0n),
    chainHash: bytea("chain_hash").notNull().default(sql`''::bytea`),
    // Responsible-gaming counters of the current UTC day / ISO week / month (reset on roll-over).
    rgDay: date("rg_day", { mode: "string" }),
    rgWeek: date("rg_week", { mode: "string" }),
    rgMonth: date("rg_month", { mode: "string" }),
    depositDay: money("deposit_day").notNull().default(0n),
    depositWeek: money("deposit_week").notNull().default(0n),
    depositMonth: money("deposit_month").notNull().default(0n),
    lossDay: money("loss_day").notNull().default(0n),
    lossWeek: money("loss_week").notNull().default(0n),
    lossMonth: money("loss_month").notNull().default(0n),
    createdAt: instant("created_at").notNull().defaultNow(),
  },
  (t) => [
    unique("accounts_player_id_currency_key").on(t.playerId, t.currency),
    check("accounts_check", sql`${t.cash} >= ${t.cashFloor}`),
    // Migration 0003 also sets fillfactor = 85 (a storage parameter drizzle tables cannot express).
  ],
);

/** One row per committed transaction, linked into its account's hash chain (prev_hash → hash). */
export const transactions = pgTable(
  "transactions",
  {
    txId: text("tx_id").primaryKey(),
    kind: text("kind").notNull(),
    reference: text("reference"),
    accountId: bigint("account_id", { mode: "bigint" }).notNull(),
    accountSeq: bigint("account_seq", { mode: "bigint" }).notNull(),
    currency: text("currency").notNull(),
    cashAfter: money("cash_after").notNull(),
    bonusAfter: money("bonus_after").notNull(),
    heldAfter: money("held_after").notNull(),
    caller: text("caller").notNull(),
    idemKey: text("idem_key"),
    requestHash: text("request_hash").notNull(),
    meta: jsonb("meta").notNull().default({}),
    createdAt: instant("created_at").notNull(),
    prevHash: bytea("prev_hash").notNull(),
    hash: bytea("hash").notNull(),
  },
  (t) => [
    foreignKey({
      name: "transactions_account_id_fkey",
      columns: [t.accountId],
      foreignColumns: [accounts.id],
    }),
    unique("transactions_account_id_account_seq_key").on(t.accountId, t.accountSeq),
    uniqueIndex("transactions_kind_reference")
      .on(t.kind, t.reference)
      .where(sql`${t.kind} in ('win', 'deposit', 'adjustment') and ${t.reference} is not null`),
  ],
);

/** Player-side legs, with the balance of every bucket after each entry. */
export const entries = pgTable(
  "entries",
  {
    accountId: bigint("account_id", { mode: "bigint" }).notNull(),
    seq: bigint("seq", { mode: "bigint" }).notNull(),
    txId: text("tx_id").notNull(),
    bucket: ledgerBucket("bucket").notNull(),
    amount: money("amount").notNull(),
    cashAfter: money("cash_after").notNull(),
    bonusAfter: money("bonus_after").notNull(),
    heldAfter: money("held_after").notNull(),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [primaryKey({ name: "entries_pkey", columns: [t.accountId, t.seq] })],
);

export const bets = pgTable(
  "bets",
  {
    providerId: text("provider_id").notNull(),
    betId: text("bet_id").notNull(),
    accountId: bigint("account_id", { mode: "bigint" }).notNull(),
    roundId: text("round_id"),
    amount: money("amount").notNull().default(0n),
    cashPart: money("cash_part").notNull().default(0n),
    bonusPart: money("bonus_part").notNull().default(0n),
    status: ledgerBetStatus("status").notNull(),
    txId: text("tx_id"),
    rollbackTxId: text("rollback_tx_id"),
    requestHash: text("request_hash"),
    createdAt: instant("created_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "bets_pkey", columns: [t.providerId, t.betId] }),
    // Leads with the account so it can never be mistaken for the primary key (migration 0003).
    index("bets_account_round").on(t.accountId, t.roundId),
  ],
);

export const holds = pgTable(
  "holds",
  {
    withdrawalId: text("withdrawal_id").primaryKey(),
    holdId: text("hold_id").notNull(),
    accountId: bigint("account_id", { mode: "bigint" }).notNull(),
    amount: money("amount").notNull(),
    status: text("status", { enum: ["pending", "committed", "released"] }).notNull(),
    expiresAt: instant("expires_at").notNull(),
    holdTxId: text("hold_tx_id").notNull(),
    finalTxId: text("final_tx_id"),
    requestHash: text("request_hash").notNull(),
    createdAt: instant("created_at").notNull().defaultNow(),
  },
  (t) => [
    unique("holds_hold_id_key").on(t.holdId),
    index("holds_expiring").on(t.expiresAt).where(sql`${t.status} = 'pending'`),
    check("holds_amount_check", sql`${t.amount} > 0`),
    check("holds_status_check", sql`${t.status} in ('pending', 'committed', 'released')`),
  ],
);

export const bonuses = pgTable(
  "bonuses",
  {
    bonusId: text("bonus_id").primaryKey(),
    accountId: bigint("account_id", { mode: "bigint" }).notNull(),
    amount: money("amount").notNull(),
    remaining: money("remaining").notNull(),
    status: text("status", { enum: ["active", "converted", "forfeited"] }).notNull(),
    grantTxId: text("grant_tx_id").notNull(),
    lastTxId: text("last_tx_id"),
    requestHash: text("request_hash").notNull(),
    createdAt: instant("created_at").notNull().defaultNow(),
  },
  (t) => [
    check("bonuses_amount_check", sql`${t.amount} > 0`),
    check("bonuses_remaining_check", sql`${t.remaining} >= 0`),
    check("bonuses_status_check", sql`${t.status} in ('active', 'converted', 'forfeited')`),
  ],
);

/** Idempotency records, scoped to the caller; the stored answer is replayed as it was. */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    caller: text("caller").notNull(),
    key: text("key").notNull(),
    requestHash: text("request_hash").notNull(),
    status: smallint("status").notNull(),
    response: jsonb("response").notNull(),
    txId: text("tx_id"),
    createdAt: instant("created_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "idempotency_keys_pkey", columns: [t.caller, t.key] }),
    index("idempotency_keys_created").using("brin", t.createdAt),
  ],
);

/**
 * Transactional outbox: written with the money, relayed to JetStream, deleted once acknowledged. A row
 * keeps what its event needs beyond the transaction row (view `outbox_events` builds the envelope);
 * rows written before migration 0007 carry the whole event in `payload` instead.
 */
export const outbox = pgTable(
  "outbox",
  {
    id: bigint("id", { mode: "bigint" }).primaryKey().generatedAlwaysAsIdentity(),
    accountId: bigint("account_id", { mode: "bigint" }).notNull(),
    subject: text("subject").notNull(),
    payload: jsonb("payload"),
    createdAt: instant("created_at").notNull().defaultNow(),
    txId: text("tx_id"),
    eventId: text("event_id"),
    ctx: jsonb("ctx"),
    cash: bigint("cash", { mode: "bigint" }),
    bonus: bigint("bonus", { mode: "bigint" }),
    held: bigint("held", { mode: "bigint" }),
    houseId: text("house_id"),
  },
  (t) => [
    check(
      "outbox_payload_or_legs",
      sql`${t.payload} is not null or (${t.txId} is not null and ${t.eventId} is not null)`,
    ),
  ],
);

/** Every ledger table, keyed by its drizzle name (the migrator's schema_migrations is not the ledger's). */
export const ledgerTables = {
  jurisdictionRules,
  houseAccounts,
  houseEntries,
  housePending,
  playerControls,
  accounts,
  transactions,
  entries,
  bets,
  holds,
  bonuses,
  idempotencyKeys,
  outbox,
};
