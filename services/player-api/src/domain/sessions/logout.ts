import type { Sql } from "postgres";
import { sha256 } from "../../crypto/tokens.ts";
import type { DomainContext } from "../../deps.ts";
import { errors } from "../../errors.ts";
import { bumpSessionEpoch } from "../players/player-record.ts";
import { revokeAllSessions, revokeSession } from "./issue-session.ts";

/**
 * Ends the session named by the refresh token (or by the verified access token), or every session
 * of the player. The epoch is bumped so access tokens already out stop at the edge's money routes.
 */
export async function logout({
  ctx,
  input,
}: {
  ctx: DomainContext;
  input: { refreshToken?: string; allSessions?: boolean; identity?: { playerId: string; sessionId: string } };
}): Promise<void> {
  await ctx.deps.database.sql.begin(async (tx) => {
    const sql = tx as unknown as Sql;
    let target = input.identity;
    if (input.refreshToken) {
      const [row] = await sql<{ session_id: string; player_id: string }[]>`
        select t.session_id, s.player_id from refresh_tokens t join sessions s on s.id = t.session_id
         where t.token_hash = ${await sha256(input.refreshToken)}`;
      if (row && (!target || target.playerId === row.player_id))
        target = { playerId: row.player_id, sessionId: row.session_id };
      else if (!target) throw errors.invalidRefreshToken();
    }
    if (!target) throw errors.unauthenticated("A refresh token or a valid access token is required.");
    if (input.allSessions) await revokeAllSessions(sql, target.playerId, "logout_all");
    else await revokeSession(sql, target.sessionId, "logout");
    await bumpSessionEpoch(sql, target.playerId);
  });
}
