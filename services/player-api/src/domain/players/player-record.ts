import type { Sql } from "postgres";
import { asDate, asDateOrNull } from "../../db-time.ts";

export interface PlayerRecord {
  id: string;
  email: string;
  passwordHash: string;
  dateOfBirth: string;
  country: string;
  jurisdiction: string;
  region: string;
  currency: string;
  status: "active" | "blocked" | "closed";
  sessionEpoch: number;
  exclusionKind: "self_exclusion" | "cool_off" | null;
  exclusionUntil: Date | null;
  exclusionPermanent: boolean;
  realityCheckMinutes: number | null;
  createdAt: Date;
}

interface Row {
  id: string;
  email: string;
  password_hash: string;
  date_of_birth: string;
  country: string;
  jurisdiction: string;
  region: string;
  currency: string;
  status: PlayerRecord["status"];
  session_epoch: number;
  exclusion_kind: PlayerRecord["exclusionKind"];
  exclusion_until: Date | null;
  exclusion_permanent: boolean;
  reality_check_minutes: number | null;
  created_at: Date;
}

function toRecord(row: Row): PlayerRecord {
  return {
    id: row.id,
    email: row.email,
    passwordHash: row.password_hash,
    dateOfBirth: row.date_of_birth,
    country: row.country,
    jurisdiction: row.jurisdiction,
    region: row.region,
    currency: row.currency,
    status: row.status,
    sessionEpoch: row.session_epoch,
    exclusionKind: row.exclusion_kind,
    exclusionUntil: asDateOrNull(row.exclusion_until),
    exclusionPermanent: row.exclusion_permanent,
    realityCheckMinutes: row.reality_check_minutes,
    createdAt: asDate(row.created_at),
  };
}

const columns = `id, email, password_hash, to_char(date_of_birth, 'YYYY-MM-DD') as date_of_birth, country,
  jurisdiction, region, currency, status, session_epoch, exclusion_kind, exclusion_until,
  exclusion_permanent, reality_check_minutes, created_at`;

export async function findPlayer(
  sql: Sql,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<PlayerRecord | null> {
  const lock = options.forUpdate ? "for update" : "";
  const rows = await sql.unsafe<Row[]>(`select ${columns} from players where id = $1 ${lock}`, [id]);
  return rows[0] ? toRecord(rows[0]) : null;
}

export async function findPlayerByEmail(sql: Sql, email: string): Promise<PlayerRecord | null> {
  const rows = await sql.unsafe<Row[]>(`select ${columns} from players where email_normalized = $1`, [
    normalizeEmail(email),
  ]);
  return rows[0] ? toRecord(rows[0]) : null;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The exclusion in force at `now`, if any (a lapsed one no longer counts). */
export function activeExclusion(
  player: PlayerRecord,
  now: Date,
): { kind: "self_exclusion" | "cool_off"; until: Date | null } | null {
  if (!player.exclusionKind) return null;
  if (player.exclusionPermanent) return { kind: player.exclusionKind, until: null };
  if (player.exclusionUntil && player.exclusionUntil > now)
    return { kind: player.exclusionKind, until: player.exclusionUntil };
  return null;
}

/** The state players and staff see: the stored status, or self_excluded while an exclusion is in force. */
export function effectiveStatus(
  player: PlayerRecord,
  now: Date,
): "active" | "blocked" | "self_excluded" | "closed" {
  if (player.status !== "active") return player.status;
  return activeExclusion(player, now) ? "self_excluded" : "active";
}

/** Revokes every access token minted so far (the edge compares the epoch on money routes). */
export async function bumpSessionEpoch(sql: Sql, playerId: string): Promise<number> {
  const [row] = await sql<{ session_epoch: number }[]>`
    update players set session_epoch = session_epoch + 1, updated_at = now() where id = ${playerId} returning session_epoch`;
  return row?.session_epoch ?? 0;
}
