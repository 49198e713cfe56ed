// Back-office authentication (staff bearer tokens with roles) and the audit trail: every request
// a staff member makes, allowed or not, leaves one audit record naming who, what, whom and how
// it ended.
import { problemResponse } from "@croupier/core/problem";
import type { MiddlewareHandler } from "hono";
import type { PlayerApiDeps, PlayerApiEnv } from "../deps.ts";
import { writeAudit } from "../domain/staff/audit.ts";
import { hasRole, type StaffRole, staffByToken } from "../domain/staff/staff-tokens.ts";
import { errors } from "../errors.ts";

export function requireStaff(deps: PlayerApiDeps): MiddlewareHandler<PlayerApiEnv> {
  return async (c, next) => {
    const token = /^Bearer\s+(\S+)$/i.exec(c.req.header("authorization") ?? "")?.[1];
    const staff = token ? await staffByToken(deps.database.sql, token) : null;
    if (!staff) return problemResponse(c, errors.staffUnauthenticated());
    c.set("staff", staff);
    await next();
    const status = c.res.status;
    await writeAudit(deps.database.sql, {
      staffId: staff.staffId,
      action: `${c.req.method} ${c.req.routePath}`,
      playerId: c.req.param("playerId") ?? null,
      requestId: c.get("requestId"),
      outcome: status < 400 ? "ok" : status === 403 ? "denied" : "failed",
      details: { status, path: c.req.path, ...(c.get("auditDetails") ?? {}) },
    });
    return undefined;
  };
}

/** Refuses (403) unless the staff member holds `role` (admin holds all). */
export function requireRole(role: StaffRole): MiddlewareHandler<PlayerApiEnv> {
  return async (c, next) => {
    if (!hasRole(c.get("staff"), role)) return problemResponse(c, errors.staffForbidden(role));
    return next();
  };
}
