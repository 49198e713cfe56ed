// Round events leave the bridge through the rounds table itself (an outbox): the wallet
// write marks a round opened/closed, and this relay publishes what is not yet published,
// with the event id derived from the round so JetStream drops a repeated publish.
import { createHash } from "node:crypto";
import type { Logger } from "@croupier/core/log";
import type { Bus } from "@croupier/events/bus";
import { type EventEnvelope, subject } from "@croupier/events/envelope";
import type { Sql } from "postgres";

export const bridgeStream = (region: string) => ({
  name: `BRIDGE_${region.toUpperCase()}`,
  subjects: [`${region}.bridge.>`],
});

function eventId(roundId: string, verb: string): string {
  return `evt_${createHash("sha256").update(`${roundId}:${verb}`).digest("hex").slice(0, 32)}`;
}

interface RoundRow {
  provider_id: string;
  round_ref: string;
  round_id: string;
  player_id: string;
  currency: string;
  game_code: string | null;
  status: string;
  bets: number;
  wins: number;
  rollbacks: number;
  total_bet: bigint;
  total_win: bigint;
  opened_at: Date | string;
  closed_at: Date | string | null;
  close_reason: string | null;
  opened_published: boolean;
  closed_published: boolean;
  jurisdiction: string | null;
}

export function roundEnvelope(row: RoundRow, verb: "opened" | "closed", region: string): EventEnvelope {
  return {
    id: eventId(row.round_id, verb),
    type: `bridge.round.${verb}`,
    occurredAt: new Date(verb === "closed" ? (row.closed_at ?? Date.now()) : row.opened_at).toISOString(),
    jurisdiction: row.jurisdiction ?? region,
    region,
    playerId: row.player_id,
    roundId: row.round_id,
    data: {
      providerId: row.provider_id,
      providerRound: row.round_ref,
      gameCode: row.game_code,
      currency: row.currency,
      bets: row.bets,
      wins: row.wins,
      rollbacks: row.rollbacks,
      totalBet: row.total_bet.toString(),
      totalWin: row.total_win.toString(),
      ...(verb === "closed" ? { reason: row.close_reason ?? "round_closed" } : {}),
    },
  };
}

/** Publishes every unpublished round event; returns how many went out. */
export async function relayRoundEvents(deps: {
  sql: Sql;
  bus: Bus;
  region: string;
  log: Logger;
  batch?: number;
}) {
  // The round carries its session's jurisdiction; only rounds without one (opened by a call
  // without a session) fall back to the player's latest session.
  const rows = await deps.sql<RoundRow[]>`
    select r.*, coalesce(r.jurisdiction, (select s.jurisdiction from sessions s where s.player_id = r.player_id
                 order by s.created_at desc limit 1)) as jurisdiction
    from rounds r
    where not r.opened_published or (r.status = 'closed' and not r.closed_published)
    order by r.opened_at
    limit ${deps.batch ?? 500}`;
  // Publishes go out concurrently (JetStream deduplicates by event id), then one update marks
  // the batch; a round whose status changed meanwhile keeps its flags and is picked up again.
  const sends: Promise<unknown>[] = [];
  for (const row of rows) {
    if (!row.opened_published) {
      sends.push(
        deps.bus.publish(
          subject(deps.region, "bridge", "round", "opened"),
          roundEnvelope(row, "opened", deps.region),
        ),
      );
    }
    if (row.status === "closed" && !row.closed_published) {
      sends.push(
        deps.bus.publish(
          subject(deps.region, "bridge", "round", "closed"),
          roundEnvelope(row, "closed", deps.region),
        ),
      );
    }
  }
  await Promise.all(sends);
  const closed = rows.filter((r) => r.status === "closed").map((r) => r.round_id);
  const open = rows.filter((r) => r.status !== "closed").map((r) => r.round_id);
  if (closed.length > 0) {
    await deps.sql`update rounds set opened_published = true, closed_published = true
      where round_id in ${deps.sql(closed)} and status = 'closed'`;
  }
  if (open.length > 0) {
    await deps.sql`update rounds set opened_published = true where round_id in ${deps.sql(open)}`;
  }
  const published = sends.length;
  return published;
}

/** Closes rounds with no activity for longer than the timeout. */
export async function closeIdleRounds(deps: { sql: Sql; timeoutMs: number; now?: Date }) {
  const cutoff = new Date((deps.now ?? new Date()).getTime() - deps.timeoutMs);
  const closed = await deps.sql`
    update rounds set status = 'closed', closed_at = now(), close_reason = 'timeout'
    where status = 'open' and last_activity_at < ${cutoff.toISOString()}
    returning round_id`;
  return closed.length;
}
