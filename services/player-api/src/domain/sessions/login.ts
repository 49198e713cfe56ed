import type { Sql } from "postgres";
import type { DomainContext } from "../../deps.ts";
import { errors } from "../../errors.ts";
import { activeExclusion, findPlayerByEmail, type PlayerRecord } from "../players/player-record.ts";
import { startSession } from "./issue-session.ts";

/** Who may hold a session at all: not blocked, closed or excluded. */
export function assertMayPlay(player: PlayerRecord, now: Date): void {
  if (player.status === "blocked") throw errors.accountBlocked();
  if (player.status === "closed") throw errors.accountClosed();
  const exclusion = activeExclusion(player, now);
  if (exclusion) throw errors.excluded(exclusion.kind, exclusion.until);
}

export async function login({
  ctx,
  input,
}: {
  ctx: DomainContext;
  input: { email: string; password: string };
}) {
  const { deps } = ctx;
  const player = await findPlayerByEmail(deps.database.sql, input.email);
  if (!player) {
    await deps.passwords.verifyDummy(input.password);
    deps.counters?.logins.inc({ outcome: "invalid_credentials" });
    throw errors.invalidCredentials();
  }
  if (!(await deps.passwords.verify(input.password, player.passwordHash))) {
    deps.counters?.logins.inc({ outcome: "invalid_credentials" });
    throw errors.invalidCredentials();
  }
  if (player.region !== deps.config.REGION) throw errors.wrongHomeRegion(player.region);
  try {
    assertMayPlay(player, deps.clock());
  } catch (error) {
    deps.counters?.logins.inc({ outcome: "refused" });
    throw error;
  }
  const tokens = await deps.database.sql.begin((tx) => startSession(tx as unknown as Sql, deps, player));
  deps.counters?.logins.inc({ outcome: "ok" });
  return tokens;
}
