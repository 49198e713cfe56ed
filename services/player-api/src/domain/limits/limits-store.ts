// Reading and writing a player's limits, promoting due raises and telling the ledger, which
// enforces deposit and loss limits inside its money transaction.
import { getJurisdiction } from "@croupier/jurisdictions";
import type { Sql } from "postgres";
import type { LedgerClient, PeriodLimits } from "../../clients/ledger.ts";
import type { Correlation } from "../../clients/service-client.ts";
import { asDate } from "../../db-time.ts";
import { type LimitSlot, promoteIfDue } from "./limit-rules.ts";

export const moneyKinds = ["deposit", "loss"] as const;
export const periods = ["day", "week", "month"] as const;
export type MoneyKind = (typeof moneyKinds)[number];
export type Period = (typeof periods)[number];
export type SlotKey = `${MoneyKind}.${Period}` | "session_time.session";

export const allSlots: SlotKey[] = [
  ...moneyKinds.flatMap((k) => periods.map((p) => `${k}.${p}` as SlotKey)),
  "session_time.session",
];

interface Row {
  kind: string;
  period: string;
  current_value: bigint | null;
  has_pending: boolean;
  pending_value: bigint | null;
  pending_effective_at: Date | null;
}

export async function loadSlots(sql: Sql, playerId: string): Promise<Map<SlotKey, LimitSlot>> {
  const rows = await sql<Row[]>`
    select kind, period, current_value, has_pending, pending_value, pending_effective_at
      from player_limits where player_id = ${playerId}`;
  const slots = new Map<SlotKey, LimitSlot>(allSlots.map((key) => [key, { current: null, pending: null }]));
  for (const row of rows) {
    slots.set(`${row.kind}.${row.period}` as SlotKey, {
      // BigInt() also accepts the text form, whichever way the driver hands int8 over.
      current: row.current_value === null ? null : BigInt(row.current_value),
      pending:
        row.has_pending && row.pending_effective_at
          ? {
              value: row.pending_value === null ? null : BigInt(row.pending_value),
              effectiveAt: asDate(row.pending_effective_at),
            }
          : null,
    });
  }
  return slots;
}

export async function saveSlot(sql: Sql, playerId: string, key: SlotKey, slot: LimitSlot): Promise<void> {
  const [kind, period] = key.split(".") as [string, string];
  await sql`
    insert into player_limits (player_id, kind, period, current_value, has_pending, pending_value, pending_effective_at, updated_at)
    values (${playerId}, ${kind}, ${period}, ${slot.current?.toString() ?? null}, ${slot.pending !== null},
            ${slot.pending?.value?.toString() ?? null},
            ${slot.pending?.effectiveAt.toISOString() ?? null}, now())
    on conflict (player_id, kind, period) do update set
      current_value = excluded.current_value, has_pending = excluded.has_pending,
      pending_value = excluded.pending_value, pending_effective_at = excluded.pending_effective_at, updated_at = now()`;
}

/** Applies the player's due raises; true when a money limit changed (the ledger must hear of it). */
export async function promoteDue(
  sql: Sql,
  playerId: string,
  slots: Map<SlotKey, LimitSlot>,
  now: Date,
): Promise<boolean> {
  let moneyChanged = false;
  for (const [key, slot] of slots) {
    const promoted = promoteIfDue(slot, now);
    if (promoted === slot) continue;
    slots.set(key, promoted);
    await saveSlot(sql, playerId, key, promoted);
    if (!key.startsWith("session_time")) moneyChanged = true;
  }
  return moneyChanged;
}

export function effectiveMoneyLimits(slots: Map<SlotKey, LimitSlot>): {
  deposit: PeriodLimits;
  loss: PeriodLimits;
} {
  const of = (kind: MoneyKind): PeriodLimits =>
    Object.fromEntries(periods.map((p) => [p, slots.get(`${kind}.${p}`)?.current?.toString() ?? null]));
  return { deposit: of("deposit"), loss: of("loss") };
}

export async function pushLimits(
  ledger: LedgerClient,
  correlation: Correlation,
  player: { id: string; currency: string },
  slots: Map<SlotKey, LimitSlot>,
): Promise<void> {
  await ledger.putControls(correlation, player.id, {
    currency: player.currency,
    limits: effectiveMoneyLimits(slots),
  });
}

export function cooldownHoursOf(jurisdiction: string): number {
  return getJurisdiction(jurisdiction)?.limitRaiseCooldownHours ?? 24;
}

export interface LimitView {
  current: string | null;
  pending: { value: string | null; effectiveAt: string } | null;
}

export function viewOf(slot: LimitSlot | undefined): LimitView {
  return {
    current: slot?.current?.toString() ?? null,
    pending: slot?.pending
      ? { value: slot.pending.value?.toString() ?? null, effectiveAt: slot.pending.effectiveAt.toISOString() }
      : null,
  };
}

export interface SessionLimitView {
  current: number | null;
  pending: { value: number | null; effectiveAt: string } | null;
}

export function limitsView(
  player: { currency: string; jurisdiction: string; realityCheckMinutes: number | null },
  slots: Map<SlotKey, LimitSlot>,
) {
  const period = (kind: MoneyKind) => ({
    day: viewOf(slots.get(`${kind}.day`)),
    week: viewOf(slots.get(`${kind}.week`)),
    month: viewOf(slots.get(`${kind}.month`)),
  });
  const session = slots.get("session_time.session");
  return {
    currency: player.currency,
    raiseCooldownHours: cooldownHoursOf(player.jurisdiction),
    deposit: period("deposit"),
    loss: period("loss"),
    sessionMinutes: {
      current: session?.current === null || session?.current === undefined ? null : Number(session.current),
      pending: session?.pending
        ? {
            value: session.pending.value === null ? null : Number(session.pending.value),
            effectiveAt: session.pending.effectiveAt.toISOString(),
          }
        : null,
    } satisfies SessionLimitView,
    realityCheckMinutes: player.realityCheckMinutes,
  };
}
