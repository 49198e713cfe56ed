// Compares a provider's own transaction report for a time window with what the bridge
// recorded from the ledger's answers, and stores one finding per mismatch.
import { newId } from "@croupier/core/ids";
import type { Logger } from "@croupier/core/log";
import type { Sql } from "postgres";
import { unitsToWire } from "../adapters/wire-amount.ts";
import type { ProviderRecord } from "../domain/store-port.ts";
import type { ProviderGateway } from "./provider-gateway.ts";

export interface ReportedTransaction {
  transaction_uuid: string;
  kind: string;
  user: string;
  currency: string;
  /** Wire units (0.00001). */
  amount: number;
  /** Whether the provider considers the transaction accepted by the operator. */
  status: "ok" | "failed";
}

export interface Mismatch {
  transactionUuid: string;
  kind:
    | "missing_on_operator"
    | "missing_on_provider"
    | "amount_mismatch"
    | "status_mismatch"
    | "player_mismatch";
  detail: Record<string, unknown>;
}

interface OurRow {
  transaction_uuid: string;
  kind: string;
  player_id: string;
  currency: string;
  amount: bigint;
  outcome: string;
  ledger_tx_id: string | null;
}

export function compareReport(report: ReportedTransaction[], ours: OurRow[]): Mismatch[] {
  const mine = new Map(ours.map((row) => [row.transaction_uuid, row]));
  const mismatches: Mismatch[] = [];
  const seen = new Set<string>();
  for (const theirs of report) {
    seen.add(theirs.transaction_uuid);
    const row = mine.get(theirs.transaction_uuid);
    const accepted = row?.outcome === "ok";
    if (theirs.status === "ok" && !accepted) {
      mismatches.push({
        transactionUuid: theirs.transaction_uuid,
        kind: row ? "status_mismatch" : "missing_on_operator",
        detail: { provider: theirs, operatorOutcome: row?.outcome ?? null },
      });
      continue;
    }
    if (theirs.status !== "ok" && accepted) {
      mismatches.push({
        transactionUuid: theirs.transaction_uuid,
        kind: "status_mismatch",
        detail: { provider: theirs, operatorOutcome: row.outcome, ledgerTxId: row.ledger_tx_id },
      });
      continue;
    }
    if (!row || !accepted) continue;
    if (row.player_id !== theirs.user) {
      mismatches.push({
        transactionUuid: theirs.transaction_uuid,
        kind: "player_mismatch",
        detail: { provider: theirs.user, operator: row.player_id },
      });
    }
    if (row.kind !== "rollback" && BigInt(theirs.amount) !== unitsToWire(row.amount, row.currency)) {
      mismatches.push({
        transactionUuid: theirs.transaction_uuid,
        kind: "amount_mismatch",
        detail: { provider: theirs.amount, operator: unitsToWire(row.amount, row.currency).toString() },
      });
    }
  }
  for (const row of ours) {
    if (row.outcome === "ok" && !seen.has(row.transaction_uuid)) {
      mismatches.push({
        transactionUuid: row.transaction_uuid,
        kind: "missing_on_provider",
        detail: {
          kind: row.kind,
          amount: row.amount.toString(),
          currency: row.currency,
          ledgerTxId: row.ledger_tx_id,
        },
      });
    }
  }
  return mismatches;
}

export async function reconcileProvider(deps: {
  sql: Sql;
  gateway: ProviderGateway;
  log: Logger;
  provider: ProviderRecord;
  from: Date;
  to: Date;
}): Promise<{ runId: string; checked: number; mismatches: Mismatch[] }> {
  const { provider } = deps;
  if (!provider.reportsUrl) return { runId: "", checked: 0, mismatches: [] };
  const answer = await deps.gateway.post(provider, provider.reportsUrl, {
    start_time: deps.from.toISOString(),
    end_time: deps.to.toISOString(),
  });
  const report = (Array.isArray(answer.transactions) ? answer.transactions : []) as ReportedTransaction[];
  const ours = await deps.sql<OurRow[]>`
    select transaction_uuid, kind, player_id, currency, amount, outcome, ledger_tx_id
    from provider_transactions
    where provider_id = ${provider.id} and created_at >= ${deps.from.toISOString()} and created_at < ${deps.to.toISOString()}`;
  // Rows the provider reports from the window's edges may be stored just outside it on our side.
  const missing = report.filter((t) => !ours.some((o) => o.transaction_uuid === t.transaction_uuid));
  if (missing.length > 0) {
    const extra = await deps.sql<OurRow[]>`
      select transaction_uuid, kind, player_id, currency, amount, outcome, ledger_tx_id
      from provider_transactions
      where provider_id = ${provider.id} and transaction_uuid in ${deps.sql(missing.map((t) => t.transaction_uuid))}`;
    ours.push(...extra);
  }
  const mismatches = compareReport(report, ours);
  const runId = newId("aud");
  for (const m of mismatches) {
    await deps.sql`
      insert into reconciliation_mismatches (run_id, provider_id, transaction_uuid, kind, detail)
      values (${runId}, ${provider.id}, ${m.transactionUuid}, ${m.kind}, ${JSON.stringify(m.detail)}::jsonb)`;
  }
  if (mismatches.length > 0) {
    deps.log.warn(
      { providerId: provider.id, runId, mismatches: mismatches.length },
      "reconciliation found mismatches",
    );
  }
  return { runId, checked: report.length, mismatches };
}
