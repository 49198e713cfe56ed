// What staff do to players. Each verb is one transaction here plus, where money rules change,
// the ledger call inside it (so a refused ledger call leaves nothing changed).
import type { Sql } from "postgres";
import type { AuthenticatedStaff, DomainContext } from "../../deps.ts";
import { errors } from "../../errors.ts";
import { revokeAllSessions } from "../sessions/issue-session.ts";
import {
  activeExclusion,
  bumpSessionEpoch,
  effectiveStatus,
  findPlayer,
  normalizeEmail,
  type PlayerRecord,
} from "./player-record.ts";

export function playerSummary(player: PlayerRecord, now: Date) {
  const exclusion = activeExclusion(player, now);
  return {
    playerId: player.id,
    email: player.email,
    dateOfBirth: player.dateOfBirth,
    country: player.country,
    jurisdiction: player.jurisdiction,
    region: player.region,
    currency: player.currency,
    status: effectiveStatus(player, now),
    exclusion: exclusion ? { kind: exclusion.kind, until: exclusion.until?.toISOString() ?? null } : null,
    createdAt: player.createdAt.toISOString(),
  };
}

export async function findPlayers(
  ctx: DomainContext,
  query: { email?: string; playerId?: string; limit: number },
) {
  const sql = ctx.deps.database.sql;
  const rows = await sql<{ id: string }[]>`
    select id from players
     where (${query.playerId ?? null}::text is null or id = ${query.playerId ?? null})
       and (${query.email ? `%${normalizeEmail(query.email).replace(/[\\%_]/g, "\\$&")}%` : null}::text is null
            or email_normalized like ${query.email ? `%${normalizeEmail(query.email).replace(/[\\%_]/g, "\\$&")}%` : null})
     order by created_at desc limit ${query.limit}`;
  const now = ctx.deps.clock();
  const players = await Promise.all(rows.map((r) => findPlayer(sql, r.id)));
  return players.filter((p): p is PlayerRecord => p !== null).map((p) => playerSummary(p, now));
}

export async function getPlayer(ctx: DomainContext, playerId: string) {
  const player = await findPlayer(ctx.deps.database.sql, playerId);
  if (!player) throw errors.playerNotFound();
  return player;
}

/**
 * Blocks (every session ends, the ledger refuses bets and deposits), unblocks or closes a player.
 * Closing is final: a closed account cannot be reopened here.
 */
export async function setStatus(
  ctx: DomainContext,
  staff: AuthenticatedStaff,
  playerId: string,
  status: "active" | "blocked" | "closed",
  reason: string,
) {
  const { deps } = ctx;
  return deps.database.sql.begin(async (tx) => {
    const sql = tx as unknown as Sql;
    const player = await findPlayer(sql, playerId, { forUpdate: true });
    if (!player) throw errors.playerNotFound();
    if (player.status === "closed") throw errors.accountClosed();
    await sql`update players set status = ${status}, updated_at = now() where id = ${playerId}`;
    if (status !== "active") {
      await revokeAllSessions(sql, playerId, status === "blocked" ? "blocked_by_staff" : "closed_by_staff");
      await bumpSessionEpoch(sql, playerId);
    }
    await deps.ledger.putControls(ctx.correlation, playerId, { currency: player.currency, status });
    deps.log.info({ playerId, staffId: staff.staffId, status, reason }, "player status changed by staff");
    return playerSummary({ ...player, status }, deps.clock());
  });
}
