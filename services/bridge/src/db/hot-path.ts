// The two statements every provider money call costs the bridge, batched: one look-up of prior
// answers before the ledger call, one write of answers, transactions and round changes after it.
// Concurrent callbacks share a statement (see batcher.ts), so a busy bridge spends one round
// trip, one plan and one commit on many requests.
import { newId } from "@croupier/core/ids";
import type { Sql } from "postgres";
import type { PriorQuery, PriorRecords, RecordEntry, StoredTransaction } from "../domain/store-port.ts";
import { createBatcher } from "./batcher.ts";

const DEADLOCK = "40P01";

/**
 * A text[] literal (`{"a",NULL}`), sent as one text parameter and cast in SQL. postgres.js's own
 * array parameters depend on array types it fetches per pool, which a fresh pool may not have yet.
 */
export function textArrayLiteral(values: (string | null | undefined)[]): string {
  const items = values.map((v) =>
    v === null || v === undefined ? "NULL" : `"${v.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`,
  );
  return `{${items.join(",")}}`;
}

export function createHotPath(
  sql: Sql,
  toTransaction: (row: Record<string, unknown>) => StoredTransaction,
  options: { maxInFlight?: number } = {},
) {
  const text = (values: (string | null | undefined)[]) => sql`${textArrayLiteral(values)}::text[]`;

  const lookups = createBatcher<PriorQuery, PriorRecords>(
    async (queries) => {
      const rows = await sql`
        select k.ord::int as ord, coalesce(r.body, r.response::text) as prior_response,
          ref.currency as referenced_currency, ls.currency as latest_session_currency, t.*
        from unnest(${text(queries.map((q) => q.providerId))}, ${text(queries.map((q) => q.requestUuid))},
                    ${text(queries.map((q) => q.transactionUuid))}, ${text(queries.map((q) => q.referenceUuid))},
                    ${text(queries.map((q) => q.latestSessionOf))})
          with ordinality as k(provider_id, request_uuid, transaction_uuid, reference_uuid, latest_of, ord)
        left join provider_requests r on r.provider_id = k.provider_id and r.request_uuid = k.request_uuid
        left join provider_transactions t on t.provider_id = k.provider_id and t.transaction_uuid = k.transaction_uuid
        left join provider_transactions ref
          on ref.provider_id = k.provider_id and ref.transaction_uuid = k.reference_uuid
        left join lateral (
          select s.currency from sessions s where s.player_id = k.latest_of order by s.created_at desc limit 1
        ) ls on k.latest_of is not null`;
      const out: PriorRecords[] = queries.map(() => ({}));
      for (const row of rows) {
        out[(row.ord as number) - 1] = {
          ...(typeof row.prior_response === "string" ? { response: row.prior_response } : {}),
          ...(row.transaction_uuid ? { transaction: toTransaction(row) } : {}),
          ...(row.referenced_currency ? { referencedCurrency: row.referenced_currency as string } : {}),
          ...(row.latest_session_currency
            ? { latestSessionCurrency: row.latest_session_currency as string }
            : {}),
        };
      }
      return out;
    },
    { maxInFlight: options.maxInFlight },
  );

  const writes = createBatcher<RecordEntry, undefined>(
    async (entries) => {
      // First write wins inside a batch as it does between batches: later copies are dropped here
      // and the database keeps the earliest stored row of every key.
      const requests = new Map<string, RecordEntry>();
      const transactions = new Map<string, RecordEntry & { transaction: StoredTransaction }>();
      for (const entry of entries) {
        const requestKey = `${entry.providerId}\u0000${entry.requestUuid}`;
        if (!requests.has(requestKey)) requests.set(requestKey, entry);
        const t = entry.transaction;
        const txKey = t && `${entry.providerId}\u0000${t.transactionUuid}`;
        if (t && txKey && !transactions.has(txKey)) transactions.set(txKey, { ...entry, transaction: t });
      }
      const req = [...requests.values()];
      const txs = [...transactions.values()];
      const changes = txs.filter((e) => e.round);
      const statement = () => sql`
        with req as (
          insert into provider_requests (provider_id, request_uuid, endpoint, body)
          select * from unnest(${text(req.map((e) => e.providerId))}, ${text(req.map((e) => e.requestUuid))},
                               ${text(req.map((e) => e.endpoint))}, ${text(req.map((e) => e.responseText))})
          order by 1, 2
          on conflict do nothing
        ), tx as (
          insert into provider_transactions (provider_id, transaction_uuid, kind, player_id, currency, amount,
            round_id, game_code, reference_uuid, fingerprint, outcome, balance, ledger_tx_id)
          select x.provider_id, x.transaction_uuid, x.kind, x.player_id, x.currency, x.amount::bigint, x.round_id,
            x.game_code, x.reference_uuid, x.fingerprint, x.outcome, x.balance::bigint, x.ledger_tx_id
          from unnest(${text(txs.map((e) => e.providerId))}, ${text(txs.map((e) => e.transaction.transactionUuid))},
                      ${text(txs.map((e) => e.transaction.kind))}, ${text(txs.map((e) => e.transaction.playerId))},
                      ${text(txs.map((e) => e.transaction.currency))},
                      ${text(txs.map((e) => e.transaction.amount.toString()))},
                      ${text(txs.map((e) => e.transaction.roundRef))}, ${text(txs.map((e) => e.transaction.gameCode))},
                      ${text(txs.map((e) => e.transaction.referenceUuid))},
                      ${text(txs.map((e) => e.transaction.fingerprint))},
                      ${text(txs.map((e) => e.transaction.outcome))},
                      ${text(txs.map((e) => e.transaction.balance?.toString()))},
                      ${text(txs.map((e) => e.transaction.ledgerTxId))})
            as x(provider_id, transaction_uuid, kind, player_id, currency, amount, round_id, game_code,
                 reference_uuid, fingerprint, outcome, balance, ledger_tx_id)
          order by 1, 2
          on conflict do nothing
          returning provider_id, transaction_uuid
        ), change as (
          -- Only transactions this statement inserted change their round, so a replay never counts.
          select c.* from unnest(
              ${text(changes.map((e) => e.providerId))}, ${text(changes.map((e) => e.transaction.transactionUuid))},
              ${text(changes.map((e) => e.round?.roundRef))}, ${text(changes.map(() => newId("rnd")))},
              ${text(changes.map((e) => e.round?.playerId))}, ${text(changes.map((e) => e.round?.currency))},
              ${text(changes.map((e) => e.round?.gameCode))}, ${text(changes.map((e) => e.round?.kind))},
              ${text(changes.map((e) => e.round?.amount.toString()))},
              ${text(changes.map((e) => String(e.round?.close ?? false)))},
              ${text(changes.map((e) => e.round?.jurisdiction))})
            as c(provider_id, transaction_uuid, round_ref, round_id, player_id, currency, game_code, kind, amount,
                 close, jurisdiction)
          join tx using (provider_id, transaction_uuid)
        ), rnd as (
          insert into rounds (provider_id, round_ref, round_id, player_id, currency, game_code, jurisdiction,
            status, bets, wins, rollbacks, total_bet, total_win, closed_at, close_reason)
          select provider_id, round_ref, min(round_id), min(player_id), min(currency), min(game_code),
            min(jurisdiction), case when bool_or(close::boolean) then 'closed' else 'open' end,
            count(*) filter (where kind = 'bet'), count(*) filter (where kind = 'win'),
            count(*) filter (where kind = 'rollback'),
            coalesce(sum(amount::bigint) filter (where kind = 'bet'), 0),
            coalesce(sum(amount::bigint) filter (where kind = 'win'), 0),
            case when bool_or(close::boolean) then now() end,
            case when bool_or(close::boolean) then 'round_closed' end
          from change
          group by provider_id, round_ref
          order by provider_id, round_ref
          on conflict (provider_id, round_ref) do update set
            bets = rounds.bets + excluded.bets,
            wins = rounds.wins + excluded.wins,
            rollbacks = rounds.rollbacks + excluded.rollbacks,
            total_bet = rounds.total_bet + excluded.total_bet,
            total_win = rounds.total_win + excluded.total_win,
            last_activity_at = now(),
            status = case when excluded.status = 'closed' then 'closed' else rounds.status end,
            closed_at = coalesce(rounds.closed_at, excluded.closed_at),
            close_reason = coalesce(rounds.close_reason, excluded.close_reason),
            jurisdiction = coalesce(rounds.jurisdiction, excluded.jurisdiction)
        )
        select 1`;
      try {
        await statement();
      } catch (error) {
        // Rows are locked in key order, but two batches meeting on keys of different tables can
        // still deadlock; PostgreSQL aborts one, which is safe to run once more.
        if ((error as { code?: string }).code !== DEADLOCK) throw error;
        await statement();
      }
      return entries.map(() => undefined);
    },
    { maxInFlight: options.maxInFlight },
  );

  return {
    prior: (query: PriorQuery) => lookups.run(query),
    record: (entry: RecordEntry) => writes.run(entry),
  };
}
