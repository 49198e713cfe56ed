// Player controls the ledger enforces inside its money transactions: account status,
// self-exclusion / cool-off, and deposit and loss limits per UTC day, ISO week and month.
// (The cooling-off rule for raising a limit lives in player-api; the ledger enforces what it is told.)
import type { Sql } from "postgres";

const PERIODS = ["day", "week", "month"] as const;
type Period = (typeof PERIODS)[number];
type LimitSet = Partial<Record<Period, bigint | null>>;

export interface ControlsChange {
  currency: string;
  status?: "active" | "blocked" | "closed" | undefined;
  limits?: { deposit?: LimitSet | undefined; loss?: LimitSet | undefined } | undefined;
  exclusion?: { kind: "self_exclusion" | "cool_off"; until: Date | null } | null | undefined;
}

interface ControlsRow {
  player_id: string;
  status: string;
  exclusion_kind: string | null;
  exclusion_until: Date | null;
  limits_currency: string | null;
  deposit_day: bigint | null;
  deposit_week: bigint | null;
  deposit_month: bigint | null;
  loss_day: bigint | null;
  loss_week: bigint | null;
  loss_month: bigint | null;
  updated_at: Date;
}

const str = (v: bigint | null) => (v === null ? null : v.toString());
// Timestamps may arrive as Date or as text depending on the client's type parsers.
const date = (v: Date | string | null) => (v === null ? null : new Date(v));

function view(row: ControlsRow | undefined, playerId: string) {
  const r = row ?? {
    player_id: playerId,
    status: "active",
    exclusion_kind: null,
    exclusion_until: null,
    limits_currency: null,
    deposit_day: null,
    deposit_week: null,
    deposit_month: null,
    loss_day: null,
    loss_week: null,
    loss_month: null,
    updated_at: null,
  };
  return {
    playerId,
    status: r.status as "active" | "blocked" | "closed",
    currency: r.limits_currency,
    limits: {
      deposit: { day: str(r.deposit_day), week: str(r.deposit_week), month: str(r.deposit_month) },
      loss: { day: str(r.loss_day), week: str(r.loss_week), month: str(r.loss_month) },
    },
    exclusion: r.exclusion_kind
      ? {
          kind: r.exclusion_kind as "self_exclusion" | "cool_off",
          until: date(r.exclusion_until)?.toISOString() ?? null,
          active: r.exclusion_until === null || (date(r.exclusion_until)?.getTime() ?? 0) > Date.now(),
        }
      : null,
    updatedAt: date(r.updated_at)?.toISOString() ?? null,
  };
}

export type ControlsView = ReturnType<typeof view>;

export async function getControls(sql: Sql, playerId: string): Promise<ControlsView> {
  const [row] = await sql<ControlsRow[]>`select * from player_controls where player_id = ${playerId}`;
  return view(row, playerId);
}

export async function setControls(sql: Sql, playerId: string, change: ControlsChange): Promise<ControlsView> {
  return sql.begin(async (tx) => {
    await tx`insert into player_controls (player_id) values (${playerId}) on conflict do nothing`;
    const [current] = await tx<
      ControlsRow[]
    >`select * from player_controls where player_id = ${playerId} for update`;
    if (!current) throw new Error("player_controls row vanished");
    const next = { ...current };
    if (next.limits_currency !== change.currency) {
      // Limits are amounts in one currency; switching currency starts from no limits.
      for (const kind of ["deposit", "loss"] as const) for (const p of PERIODS) next[`${kind}_${p}`] = null;
      next.limits_currency = change.currency;
    }
    for (const kind of ["deposit", "loss"] as const) {
      const set = change.limits?.[kind];
      if (!set) continue;
      for (const p of PERIODS) if (set[p] !== undefined) next[`${kind}_${p}`] = set[p] ?? null;
    }
    if (change.status) next.status = change.status;
    if (change.exclusion === null) {
      next.exclusion_kind = null;
      next.exclusion_until = null;
    } else if (change.exclusion) {
      next.exclusion_kind = change.exclusion.kind;
      next.exclusion_until = change.exclusion.until;
    }
    const [row] = await tx<ControlsRow[]>`
      update player_controls set
        status = ${next.status}, exclusion_kind = ${next.exclusion_kind}, exclusion_until = ${date(next.exclusion_until)?.toISOString() ?? null}::timestamptz,
        limits_currency = ${next.limits_currency},
        deposit_day = ${str(next.deposit_day)}::bigint, deposit_week = ${str(next.deposit_week)}::bigint, deposit_month = ${str(next.deposit_month)}::bigint,
        loss_day = ${str(next.loss_day)}::bigint, loss_week = ${str(next.loss_week)}::bigint, loss_month = ${str(next.loss_month)}::bigint,
        updated_at = now()
      where player_id = ${playerId} returning *`;
    return view(row, playerId);
  });
}
