// The wallet.tx.committed envelope of each pending outbox row (migration 0007). A money operation
// stores only what its event needs beyond the transaction row (event id, correlation, legs), so the
// hot path builds no JSON; the relay reads a batch of rows joined with their transaction and account
// rows in one statement and assembles the envelope here. Rows stored whole before that migration
// carry their payload and are published as they are.
import type { Sql } from "postgres";

export interface OutboxEvent {
  id: bigint;
  accountId: bigint;
  subject: string;
  /** The envelope as JSON text, published as is. */
  json: string;
  eventId: string;
  traceparent: string | null;
}

/** An outbox row with what its transaction and account rows add (null for stored payloads). */
export interface OutboxEventRow {
  id: bigint;
  account_id: bigint;
  subject: string;
  stored: string | null;
  event_id: string;
  region: string | null;
  request_id: string | null;
  traceparent: string | null;
  cash: string | null;
  bonus: string | null;
  held: string | null;
  house_id: string | null;
  tx_id: string | null;
  kind: string | null;
  reference: string | null;
  account_seq: string | null;
  currency: string | null;
  cash_after: string | null;
  bonus_after: string | null;
  held_after: string | null;
  meta: string | null;
  occurred_at: string | null;
  player_id: string | null;
  jurisdiction: string | null;
}

/** The oldest `limit` pending events, in outbox order. */
export async function readOutboxEvents(sql: Sql, limit: number): Promise<OutboxEvent[]> {
  const rows = await sql<OutboxEventRow[]>`
    select o.id, o.account_id, o.subject, o.payload::text as stored,
           coalesce(o.event_id, o.payload ->> 'id') as event_id,
           o.ctx ->> 'region' as region, o.ctx ->> 'requestId' as request_id,
           coalesce(o.ctx, o.payload) ->> 'traceparent' as traceparent,
           o.cash::text, o.bonus::text, o.held::text, o.house_id,
           t.tx_id, t.kind, t.reference, t.account_seq::text, t.currency,
           t.cash_after::text, t.bonus_after::text, t.held_after::text, t.meta::text,
           to_char(t.created_at at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as occurred_at,
           a.player_id, a.jurisdiction
    from outbox o
    left join transactions t on o.payload is null and t.tx_id = o.tx_id
    left join accounts a on a.id = t.account_id
    order by o.id limit ${limit}`;
  return rows.map(outboxEvent);
}

export function outboxEvent(row: OutboxEventRow): OutboxEvent {
  const event = { id: row.id, accountId: row.account_id, subject: row.subject, eventId: row.event_id };
  if (row.stored !== null) return { ...event, json: row.stored, traceparent: row.traceparent };
  if (row.tx_id === null || row.player_id === null) {
    // The outbox row is written in the transaction's own database transaction: reaching this is a bug.
    throw new Error(`outbox row ${row.id} has no transaction ${row.tx_id ?? ""} to build its event from`);
  }
  const account = `${row.player_id}:${row.currency}`;
  // Nulls in meta are dropped with the rest of the envelope below, in one walk.
  const meta = JSON.parse(row.meta ?? "{}") as Record<string, unknown>;
  const legs: [string, string, string | null][] = [
    [account, "cash", row.cash],
    [account, "bonus", row.bonus],
    [account, "held", row.held],
  ];
  const house = -legs.reduce((sum, [, , amount]) => sum + BigInt(amount ?? 0), 0n);
  if (row.house_id !== null) legs.push([row.house_id, "house", house.toString()]);
  const envelope = withoutNulls({
    id: row.event_id,
    type: "wallet.tx.committed",
    occurredAt: row.occurred_at,
    jurisdiction: row.jurisdiction,
    region: row.region ?? "eu",
    requestId: row.request_id,
    traceparent: row.traceparent,
    playerId: row.player_id,
    accountId: account,
    roundId: typeof meta.roundId === "string" ? meta.roundId : null,
    betId: typeof meta.betId === "string" ? meta.betId : null,
    txId: row.tx_id,
    data: {
      ...meta,
      kind: row.kind,
      currency: row.currency,
      reference: row.reference,
      accountSeq: Number(row.account_seq),
      entries: legs
        .filter(([, , amount]) => amount !== null && BigInt(amount) !== 0n)
        .map(([legAccount, bucket, amount]) => ({ account: legAccount, bucket, amount })),
      balance: { cash: row.cash_after, bonus: row.bonus_after, held: row.held_after },
    },
  });
  return { ...event, json: JSON.stringify(envelope), traceparent: row.traceparent };
}

/** Drops null fields at every depth, as the stored events did (jsonb_strip_nulls). */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value === null || typeof value !== "object") return value;
  const kept: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) if (field !== null) kept[key] = withoutNulls(field);
  return kept;
}
