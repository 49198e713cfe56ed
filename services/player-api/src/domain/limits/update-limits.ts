import type { Sql } from "postgres";
import type { AuthenticatedPlayer, DomainContext } from "../../deps.ts";
import { errors } from "../../errors.ts";
import { findPlayer } from "../players/player-record.ts";
import { applyLimitChange } from "./limit-rules.ts";
import {
  cooldownHoursOf,
  limitsView,
  loadSlots,
  promoteDue,
  pushLimits,
  type SlotKey,
  saveSlot,
} from "./limits-store.ts";

export type LimitChanges = Partial<Record<SlotKey, bigint | null>>;

/** Reads the limits (applying any raise whose cooling-off has ended). */
export async function getLimits({ ctx, player }: { ctx: DomainContext; player: AuthenticatedPlayer }) {
  return changeLimits({ ctx, player, changes: {} });
}

/**
 * Sets, lowers, raises or removes limits in one transaction; the ledger is told the effective
 * money limits before commit, so the player never sees a limit the ledger does not enforce.
 */
export async function changeLimits({
  ctx,
  player,
  changes,
}: {
  ctx: DomainContext;
  player: AuthenticatedPlayer;
  changes: LimitChanges;
}) {
  const { deps } = ctx;
  return deps.database.sql.begin(async (tx) => {
    const sql = tx as unknown as Sql;
    const record = await findPlayer(sql, player.playerId, { forUpdate: true });
    if (!record) throw errors.unauthenticated();
    const now = deps.clock();
    const slots = await loadSlots(sql, record.id);
    let moneyChanged = await promoteDue(sql, record.id, slots, now);
    const cooldown = cooldownHoursOf(record.jurisdiction);
    for (const [key, requested] of Object.entries(changes) as [SlotKey, bigint | null][]) {
      const before = slots.get(key) ?? { current: null, pending: null };
      const after = applyLimitChange(before, requested, now, cooldown);
      slots.set(key, after);
      await saveSlot(sql, record.id, key, after);
      if (!key.startsWith("session_time") && after.current !== before.current) moneyChanged = true;
    }
    if (moneyChanged) await pushLimits(deps.ledger, ctx.correlation, record, slots);
    return limitsView(record, slots);
  });
}

/** Applies due raises for every player who has one (run periodically). */
export async function sweepDueLimits(ctx: DomainContext, batch = 100): Promise<number> {
  const { deps } = ctx;
  const due = await deps.database.sql<{ player_id: string }[]>`
    select distinct player_id from player_limits where has_pending and pending_effective_at <= ${deps.clock().toISOString()} limit ${batch}`;
  for (const { player_id } of due) {
    await deps.database.sql.begin(async (tx) => {
      const sql = tx as unknown as Sql;
      const record = await findPlayer(sql, player_id, { forUpdate: true });
      if (!record) return;
      const slots = await loadSlots(sql, record.id);
      if (await promoteDue(sql, record.id, slots, deps.clock()))
        await pushLimits(deps.ledger, ctx.correlation, record, slots);
    });
  }
  return due.length;
}
