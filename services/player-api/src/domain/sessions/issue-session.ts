import { newId } from "@croupier/core/ids";
import type { Sql } from "postgres";
import { randomToken, sha256 } from "../../crypto/tokens.ts";
import type { PlayerApiDeps } from "../../deps.ts";
import { signAccessToken } from "../../sessions/access-token.ts";
import type { PlayerRecord } from "../players/player-record.ts";

export interface TokenPair {
  playerId: string;
  sessionId: string;
  tokenType: "Bearer";
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  refreshExpiresAt: string;
}

/** Starts a session family (a login) and returns its first token pair. */
export async function startSession(sql: Sql, deps: PlayerApiDeps, player: PlayerRecord): Promise<TokenPair> {
  const now = deps.clock();
  const sessionId = newId("ses");
  const expiresAt = new Date(now.getTime() + deps.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000);
  await sql`insert into sessions (id, player_id, created_at, expires_at) values (${sessionId}, ${player.id}, ${now.toISOString()}, ${expiresAt.toISOString()})`;
  return issueTokens(sql, deps, player, { sessionId, generation: 0, sessionExpiresAt: expiresAt });
}

/** A fresh refresh token of the family (generation n) and an access token at the player's epoch. */
export async function issueTokens(
  sql: Sql,
  deps: PlayerApiDeps,
  player: Pick<PlayerRecord, "id" | "jurisdiction" | "region" | "sessionEpoch">,
  family: { sessionId: string; generation: number; sessionExpiresAt: Date },
): Promise<TokenPair> {
  const now = deps.clock();
  const refreshToken = randomToken("prt_");
  await sql`insert into refresh_tokens (token_hash, session_id, generation, issued_at, expires_at)
    values (${await sha256(refreshToken)}, ${family.sessionId}, ${family.generation}, ${now.toISOString()}, ${family.sessionExpiresAt.toISOString()})`;
  const access = await signAccessToken(
    deps.keys,
    {
      playerId: player.id,
      sessionId: family.sessionId,
      jurisdiction: player.jurisdiction,
      region: player.region,
      sessionEpoch: player.sessionEpoch,
    },
    { now, ttlSeconds: deps.config.ACCESS_TOKEN_TTL_SECONDS },
  );
  return {
    playerId: player.id,
    sessionId: family.sessionId,
    tokenType: "Bearer",
    accessToken: access.token,
    expiresIn: access.expiresIn,
    refreshToken,
    refreshExpiresAt: family.sessionExpiresAt.toISOString(),
  };
}

export async function revokeSession(sql: Sql, sessionId: string, reason: string): Promise<void> {
  await sql`update sessions set revoked_at = now(), revoked_reason = ${reason} where id = ${sessionId} and revoked_at is null`;
}

export async function revokeAllSessions(sql: Sql, playerId: string, reason: string): Promise<void> {
  await sql`update sessions set revoked_at = now(), revoked_reason = ${reason} where player_id = ${playerId} and revoked_at is null`;
}
