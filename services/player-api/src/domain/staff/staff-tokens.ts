// Back-office staff: opaque bearer tokens (shown once at creation, stored as SHA-256) with roles.
import { newId } from "@croupier/core/ids";
import type { Sql } from "postgres";
import { randomToken, sha256 } from "../../crypto/tokens.ts";
import type { AuthenticatedStaff } from "../../deps.ts";

/** support: read; finance: + adjustments; compliance: + block/unblock; admin: everything, audit trail. */
export const staffRoles = ["support", "finance", "compliance", "admin"] as const;
export type StaffRole = (typeof staffRoles)[number];

export function hasRole(staff: AuthenticatedStaff, role: StaffRole): boolean {
  return staff.roles.includes("admin") || staff.roles.includes(role);
}

export async function createStaff(
  sql: Sql,
  input: { email: string; name: string; roles: StaffRole[] },
): Promise<{ staffId: string; token: string }> {
  const staffId = newId("stf");
  const token = randomToken("stk_");
  await sql`insert into staff (id, email, name, roles, token_hash)
    values (${staffId}, ${input.email.trim().toLowerCase()}, ${input.name}, string_to_array(${input.roles.join(",")}, ','), ${await sha256(token)})`;
  return { staffId, token };
}

export async function staffByToken(sql: Sql, token: string): Promise<AuthenticatedStaff | null> {
  if (!/^stk_[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const [row] = await sql<{ id: string; email: string; roles: string[] }[]>`
    select id, email, roles from staff where token_hash = ${await sha256(token)} and disabled_at is null`;
  return row ? { staffId: row.id, email: row.email, roles: row.roles } : null;
}
