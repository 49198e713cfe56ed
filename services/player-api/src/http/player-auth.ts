// The player behind a request: the identity the edge verified and signed, checked again here
// (defense in depth): the access token itself must verify with our keys and name the same player
// and session, the session must be live and the token not older than the player's session epoch.
import { problemResponse } from "@croupier/core/problem";
import type { MiddlewareHandler } from "hono";
import { asDate } from "../db-time.ts";
import type { PlayerApiDeps, PlayerApiEnv } from "../deps.ts";
import { errors } from "../errors.ts";
import { verifyAccessToken } from "../sessions/access-token.ts";

interface SessionRow {
  currency: string;
  session_epoch: number;
  revoked_at: Date | null;
  expires_at: Date;
}

export function requirePlayer(deps: PlayerApiDeps): MiddlewareHandler<PlayerApiEnv> {
  return async (c, next) => {
    const identity = c.get("edgeIdentity");
    if (!identity?.playerId || !identity.sessionId) return problemResponse(c, errors.unauthenticated());
    const token = /^Bearer\s+(\S+)$/i.exec(c.req.header("authorization") ?? "")?.[1];
    if (!token) return problemResponse(c, errors.unauthenticated());
    const now = deps.clock();
    const claims = await verifyAccessToken(deps.keys, token, now);
    if (!claims || claims.playerId !== identity.playerId || claims.sessionId !== identity.sessionId) {
      return problemResponse(c, errors.unauthenticated("The access token is not valid."));
    }
    const [row] = await deps.database.sql<SessionRow[]>`
      select p.currency, p.session_epoch, s.revoked_at, s.expires_at
        from sessions s join players p on p.id = s.player_id
       where s.id = ${claims.sessionId} and p.id = ${claims.playerId}`;
    if (!row || row.revoked_at || asDate(row.expires_at) <= now || claims.sessionEpoch < row.session_epoch) {
      return problemResponse(c, errors.sessionRevoked());
    }
    c.set("player", {
      playerId: claims.playerId,
      sessionId: claims.sessionId,
      jurisdiction: claims.jurisdiction,
      region: claims.region,
      currency: row.currency,
    });
    return next();
  };
}
