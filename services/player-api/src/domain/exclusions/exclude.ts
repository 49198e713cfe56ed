// Self-exclusion and time-outs: the player cannot undo or shorten them. Every session ends at
// once (the epoch bump stops access tokens at the edge) and the ledger refuses bets and deposits
// from that moment; wins of rounds already played still settle.
import type { Sql } from "postgres";
import type { AuthenticatedPlayer, DomainContext } from "../../deps.ts";
import { errors } from "../../errors.ts";
import { activeExclusion, bumpSessionEpoch, findPlayer } from "../players/player-record.ts";
import { revokeAllSessions } from "../sessions/issue-session.ts";

export const selfExclusionPeriods = ["6m", "1y", "2y", "5y", "permanent"] as const;
export type SelfExclusionPeriod = (typeof selfExclusionPeriods)[number];

export function exclusionEnd(period: SelfExclusionPeriod, now: Date): Date | null {
  if (period === "permanent") return null;
  const end = new Date(now);
  const months = { "6m": 6, "1y": 12, "2y": 24, "5y": 60 }[period];
  end.setUTCMonth(end.getUTCMonth() + months);
  return end;
}

export async function exclude({
  ctx,
  player,
  kind,
  until,
}: {
  ctx: DomainContext;
  player: AuthenticatedPlayer;
  kind: "self_exclusion" | "cool_off";
  /** null = permanent (self-exclusion only). */
  until: Date | null;
}) {
  const { deps } = ctx;
  return deps.database.sql.begin(async (tx) => {
    const sql = tx as unknown as Sql;
    const record = await findPlayer(sql, player.playerId, { forUpdate: true });
    if (!record) throw errors.unauthenticated();
    const current = activeExclusion(record, deps.clock());
    // An exclusion in force may be lengthened, never shortened or softened.
    if (current) {
      const currentEnd = current.until?.getTime() ?? Number.POSITIVE_INFINITY;
      const newEnd = until?.getTime() ?? Number.POSITIVE_INFINITY;
      const softer = current.kind === "self_exclusion" && kind === "cool_off";
      if (newEnd <= currentEnd || softer) throw errors.exclusionActive();
    }
    await sql`update players set exclusion_kind = ${kind}, exclusion_until = ${until?.toISOString() ?? null},
                exclusion_permanent = ${until === null}, updated_at = now() where id = ${record.id}`;
    await revokeAllSessions(sql, record.id, kind);
    await bumpSessionEpoch(sql, record.id);
    await deps.ledger.putControls(ctx.correlation, record.id, {
      currency: record.currency,
      exclusion: { kind, until: until?.toISOString() ?? null },
    });
    return { kind, until: until?.toISOString() ?? null, permanent: until === null };
  });
}

export async function setRealityCheck({
  ctx,
  player,
  minutes,
}: {
  ctx: DomainContext;
  player: AuthenticatedPlayer;
  minutes: number | null;
}) {
  const [row] = await ctx.deps.database.sql<{ reality_check_minutes: number | null }[]>`
    update players set reality_check_minutes = ${minutes}, updated_at = now() where id = ${player.playerId}
    returning reality_check_minutes`;
  if (!row) throw errors.unauthenticated();
  return { intervalMinutes: row.reality_check_minutes };
}
