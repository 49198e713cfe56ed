import type { Sql } from "postgres";
import type { AuthenticatedPlayer, DomainContext } from "../../deps.ts";
import { errors } from "../../errors.ts";
import { bumpSessionEpoch, findPlayer } from "../players/player-record.ts";
import { revokeAllSessions, startSession } from "./issue-session.ts";

/** Changes the password, ends every session (a thief's too) and starts a fresh one for the caller. */
export async function changePassword({
  ctx,
  player,
  input,
}: {
  ctx: DomainContext;
  player: AuthenticatedPlayer;
  input: { currentPassword: string; newPassword: string };
}) {
  const { deps } = ctx;
  const record = await findPlayer(deps.database.sql, player.playerId);
  if (!record) throw errors.unauthenticated();
  if (!(await deps.passwords.verify(input.currentPassword, record.passwordHash)))
    throw errors.wrongPassword();
  if (input.newPassword === input.currentPassword)
    throw errors.weakPassword("The new password must differ from the current one.");
  const hash = await deps.passwords.hash(input.newPassword);
  return deps.database.sql.begin(async (tx) => {
    const sql = tx as unknown as Sql;
    await sql`update players set password_hash = ${hash}, updated_at = now() where id = ${player.playerId}`;
    await revokeAllSessions(sql, player.playerId, "password_changed");
    const epoch = await bumpSessionEpoch(sql, player.playerId);
    return startSession(sql, deps, { ...record, sessionEpoch: epoch });
  });
}
