import type { Sql } from "postgres";
import { sha256 } from "../../crypto/tokens.ts";
import { asDate } from "../../db-time.ts";
import type { DomainContext } from "../../deps.ts";
import { errors } from "../../errors.ts";
import { bumpSessionEpoch, findPlayer } from "../players/player-record.ts";
import { issueTokens, revokeSession } from "./issue-session.ts";
import { assertMayPlay } from "./login.ts";

interface TokenRow {
  session_id: string;
  generation: number;
  used_at: Date | null;
  expires_at: Date;
  player_id: string;
  revoked_at: Date | null;
  session_expires_at: Date;
  created_at: Date;
}

/**
 * Rotates a refresh token: the presented one is spent and a new one of the same family issued.
 * Presenting a spent token means it was copied; the whole family is revoked and its access
 * tokens die with a new session epoch (docs/adr/0600).
 */
export async function refreshSession({ ctx, refreshToken }: { ctx: DomainContext; refreshToken: string }) {
  const { deps } = ctx;
  const hash = await sha256(refreshToken);
  const outcome = await deps.database.sql.begin(async (tx) => {
    const sql = tx as unknown as Sql;
    const [row] = await sql<TokenRow[]>`
      select t.session_id, t.generation, t.used_at, t.expires_at, s.player_id, s.revoked_at,
             s.expires_at as session_expires_at, s.created_at
        from refresh_tokens t join sessions s on s.id = t.session_id
       where t.token_hash = ${hash}
       for update of t, s`;
    const now = deps.clock();
    if (row) {
      row.expires_at = asDate(row.expires_at);
      row.session_expires_at = asDate(row.session_expires_at);
      row.created_at = asDate(row.created_at);
    }
    if (!row || row.revoked_at || row.expires_at <= now) return { kind: "invalid" as const };
    if (row.used_at) {
      await revokeSession(sql, row.session_id, "refresh_token_reused");
      await bumpSessionEpoch(sql, row.player_id);
      deps.log.warn(
        { sessionId: row.session_id, playerId: row.player_id },
        "refresh token reused; session family revoked",
      );
      return { kind: "reused" as const };
    }
    const player = await findPlayer(sql, row.player_id);
    if (!player) return { kind: "invalid" as const };
    await sql`update refresh_tokens set used_at = ${now.toISOString()} where token_hash = ${hash}`;
    const sessionLimit = await sessionMinutesLimit(sql, player.id);
    if (sessionLimit !== null && now.getTime() - row.created_at.getTime() > sessionLimit * 60_000) {
      await revokeSession(sql, row.session_id, "session_time_limit");
      return { kind: "time_limit" as const };
    }
    try {
      assertMayPlay(player, now);
    } catch (error) {
      await revokeSession(sql, row.session_id, "not_allowed");
      return { kind: "refused" as const, error };
    }
    const tokens = await issueTokens(sql, deps, player, {
      sessionId: row.session_id,
      generation: row.generation + 1,
      sessionExpiresAt: row.session_expires_at,
    });
    return { kind: "ok" as const, tokens };
  });
  // Revocations above are committed before the refusal is reported.
  if (outcome.kind === "ok") return outcome.tokens;
  if (outcome.kind === "reused") {
    deps.counters?.refreshReuse.inc();
    throw errors.refreshTokenReused();
  }
  if (outcome.kind === "refused") throw outcome.error;
  if (outcome.kind === "time_limit") throw errors.sessionRevoked();
  throw errors.invalidRefreshToken();
}

async function sessionMinutesLimit(sql: Sql, playerId: string): Promise<number | null> {
  const [row] = await sql<{ current_value: bigint | null }[]>`
    select current_value from player_limits where player_id = ${playerId} and kind = 'session_time' and period = 'session'`;
  return row?.current_value === null || row?.current_value === undefined ? null : Number(row.current_value);
}
