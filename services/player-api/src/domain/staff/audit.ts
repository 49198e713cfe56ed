import { newId } from "@croupier/core/ids";
import type { Sql } from "postgres";
import { asDate } from "../../db-time.ts";

export interface AuditEntry {
  staffId: string;
  action: string;
  playerId: string | null;
  requestId: string;
  outcome: "ok" | "denied" | "failed";
  details: Record<string, unknown>;
}

export async function writeAudit(sql: Sql, entry: AuditEntry): Promise<string> {
  const id = newId("aud");
  await sql`insert into audit_log (id, staff_id, action, player_id, request_id, outcome, details)
    values (${id}, ${entry.staffId}, ${entry.action}, ${entry.playerId}, ${entry.requestId}, ${entry.outcome},
            ${JSON.stringify(entry.details)}::jsonb)`;
  return id;
}

export async function listAudit(sql: Sql, filter: { playerId?: string; staffId?: string; limit: number }) {
  const rows = await sql<
    {
      id: string;
      staff_id: string;
      action: string;
      player_id: string | null;
      request_id: string;
      outcome: string;
      details: Record<string, unknown>;
      created_at: Date;
    }[]
  >`select id, staff_id, action, player_id, request_id, outcome, details, created_at from audit_log
     where (${filter.playerId ?? null}::text is null or player_id = ${filter.playerId ?? null})
       and (${filter.staffId ?? null}::text is null or staff_id = ${filter.staffId ?? null})
     order by created_at desc, id desc limit ${filter.limit}`;
  return rows.map((r) => ({
    auditId: r.id,
    staffId: r.staff_id,
    action: r.action,
    playerId: r.player_id,
    requestId: r.request_id,
    outcome: r.outcome as "ok" | "denied" | "failed",
    details: r.details,
    createdAt: asDate(r.created_at).toISOString(),
  }));
}
