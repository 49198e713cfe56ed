import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { PlayerApiDeps, PlayerApiEnv } from "../../deps.ts";
import { limitsView, loadSlots } from "../../domain/limits/limits-store.ts";
import { findPlayers, getPlayer, playerSummary, setStatus } from "../../domain/players/backoffice.ts";
import { listAudit } from "../../domain/staff/audit.ts";
import { requireRole } from "../../http/staff-auth.ts";
import {
  CurrencySchema,
  domainContext,
  json,
  jsonBody,
  PlayerIdSchema,
  problems,
  staffSecurity,
  upstreamProblems,
} from "../common.ts";
import { LimitsSchema } from "../rg/schema.ts";
import { BalancesSchema, HistoryQuery, TransactionPageSchema } from "../wallet/index.ts";

const PlayerSchema = z
  .object({
    playerId: PlayerIdSchema,
    email: z.string(),
    dateOfBirth: z.string(),
    country: z.string(),
    jurisdiction: z.string(),
    region: z.string(),
    currency: CurrencySchema,
    status: z.enum(["active", "blocked", "self_excluded", "closed"]),
    exclusion: z.object({ kind: z.string(), until: z.string().nullable() }).nullable(),
    createdAt: z.string(),
  })
  .openapi("BackofficePlayer");

const PlayerParams = z.object({ playerId: PlayerIdSchema });
const staffProblems = [400, 401, 403, 413, 415] as const;

const AdjustmentBody = z
  .strictObject({
    amount: z
      .string()
      .regex(/^-?[1-9][0-9]{0,17}$/)
      .openapi({ description: "Signed units; negative debits." }),
    currency: CurrencySchema,
    bucket: z.enum(["cash", "bonus"]),
    reason: z.string().min(3).max(500),
  })
  .openapi("AdjustmentRequest");

const BlockBody = z.strictObject({ reason: z.string().min(3).max(500) }).openapi("BlockRequest");

const AuditSchema = z
  .object({
    auditId: z.string(),
    staffId: z.string(),
    action: z.string(),
    playerId: z.string().nullable(),
    requestId: z.string(),
    outcome: z.enum(["ok", "denied", "failed"]),
    details: z.record(z.string(), z.unknown()),
    createdAt: z.string(),
  })
  .openapi("AuditRecord");

export function backofficeRoutes(app: OpenAPIHono<PlayerApiEnv>, deps: PlayerApiDeps) {
  const base = "/backoffice/v1";

  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/players`,
      tags: ["back-office"],
      summary: "Find players by id or email (substring)",
      security: staffSecurity,
      middleware: [requireRole("support")] as const,
      request: {
        query: z.strictObject({
          email: z.string().min(3).max(254).optional(),
          playerId: PlayerIdSchema.optional(),
          limit: z.coerce
            .number()
            .int()
            .min(1)
            .max(100)
            .default(20)
            .openapi({ type: "integer", minimum: 1, maximum: 100 }),
        }),
      },
      responses: {
        200: json(z.object({ items: z.array(PlayerSchema) }), "Matches."),
        ...problems(...staffProblems),
      },
    }),
    async (c) => c.json({ items: await findPlayers(domainContext(c, deps), c.req.valid("query")) }, 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/players/{playerId}`,
      tags: ["back-office"],
      summary: "One player",
      security: staffSecurity,
      middleware: [requireRole("support")] as const,
      request: { params: PlayerParams },
      responses: { 200: json(PlayerSchema, "The player."), ...problems(...staffProblems, 404) },
    }),
    async (c) =>
      c.json(
        playerSummary(await getPlayer(domainContext(c, deps), c.req.valid("param").playerId), deps.clock()),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/players/{playerId}/balances`,
      tags: ["back-office"],
      summary: "The player's balances",
      security: staffSecurity,
      middleware: [requireRole("support")] as const,
      request: { params: PlayerParams },
      responses: {
        200: json(BalancesSchema, "Balances."),
        ...problems(...staffProblems, 404, ...upstreamProblems),
      },
    }),
    async (c) => {
      const ctx = domainContext(c, deps);
      const player = await getPlayer(ctx, c.req.valid("param").playerId);
      return c.json(
        { playerId: player.id, balances: await deps.ledger.balances(ctx.correlation, player.id) },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/players/{playerId}/transactions`,
      tags: ["back-office"],
      summary: "The player's transaction history",
      security: staffSecurity,
      middleware: [requireRole("support")] as const,
      request: { params: PlayerParams, query: HistoryQuery },
      responses: {
        200: json(TransactionPageSchema, "One page."),
        ...problems(...staffProblems, 404, ...upstreamProblems),
      },
    }),
    async (c) => {
      const ctx = domainContext(c, deps);
      const player = await getPlayer(ctx, c.req.valid("param").playerId);
      const query = c.req.valid("query");
      return c.json(
        await deps.ledger.transactions(ctx.correlation, {
          playerId: player.id,
          currency: query.currency,
          limit: query.limit,
          cursor: query.cursor,
        }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/players/{playerId}/limits`,
      tags: ["back-office"],
      summary: "The player's limits and exclusion",
      security: staffSecurity,
      middleware: [requireRole("support")] as const,
      request: { params: PlayerParams },
      responses: {
        200: json(z.object({ limits: LimitsSchema, player: PlayerSchema }), "Limits and exclusion."),
        ...problems(...staffProblems, 404),
      },
    }),
    async (c) => {
      const player = await getPlayer(domainContext(c, deps), c.req.valid("param").playerId);
      const slots = await loadSlots(deps.database.sql, player.id);
      return c.json({ limits: limitsView(player, slots), player: playerSummary(player, deps.clock()) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/players/{playerId}/adjustments`,
      tags: ["back-office"],
      summary: "A manual balance adjustment (Idempotency-Key required)",
      security: staffSecurity,
      middleware: [requireRole("finance")] as const,
      request: {
        params: PlayerParams,
        headers: z.object({ "idempotency-key": z.string().regex(/^[A-Za-z0-9._:-]{1,200}$/) }),
        body: jsonBody(AdjustmentBody),
      },
      responses: {
        201: json(z.looseObject({ txId: z.string() }).openapi("Adjustment"), "Adjusted."),
        ...problems(...staffProblems, 404, 409, 422, ...upstreamProblems),
      },
    }),
    async (c) => {
      const ctx = domainContext(c, deps);
      const player = await getPlayer(ctx, c.req.valid("param").playerId);
      const body = c.req.valid("json");
      const key = c.req.valid("header")["idempotency-key"];
      c.set("auditDetails", {
        amount: body.amount,
        currency: body.currency,
        bucket: body.bucket,
        reason: body.reason,
        idempotencyKey: key,
      });
      const staff = c.get("staff");
      const result = await deps.ledger.adjust(
        ctx.correlation,
        {
          playerId: player.id,
          currency: body.currency,
          amount: body.amount,
          bucket: body.bucket,
          actor: staff.staffId,
          reason: body.reason,
          adjustmentId: `adj_${staff.staffId}_${key}`.slice(0, 200),
        },
        `${staff.staffId}:${key}`.slice(0, 200),
      );
      return c.json(result.body as { txId: string }, 201);
    },
  );

  const statusChanges = [
    { verb: "block", status: "blocked", summary: "Block a player (sessions end, no bets or deposits)" },
    { verb: "unblock", status: "active", summary: "Unblock a player" },
    { verb: "close", status: "closed", summary: "Close a player's account for good (sessions end)" },
  ] as const;
  for (const change of statusChanges) {
    app.openapi(
      createRoute({
        method: "post",
        path: `${base}/players/{playerId}/${change.verb}`,
        tags: ["back-office"],
        summary: change.summary,
        security: staffSecurity,
        middleware: [requireRole("compliance")] as const,
        request: { params: PlayerParams, body: jsonBody(BlockBody) },
        responses: {
          200: json(PlayerSchema, "The player."),
          ...problems(...staffProblems, 404, ...upstreamProblems),
        },
      }),
      async (c) => {
        const { reason } = c.req.valid("json");
        c.set("auditDetails", { reason });
        const player = await setStatus(
          domainContext(c, deps),
          c.get("staff"),
          c.req.valid("param").playerId,
          change.status,
          reason,
        );
        return c.json(player, 200);
      },
    );
  }

  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/audit`,
      tags: ["back-office"],
      summary: "The audit trail of staff actions, newest first",
      security: staffSecurity,
      middleware: [requireRole("admin")] as const,
      request: {
        query: z.strictObject({
          playerId: PlayerIdSchema.optional(),
          staffId: z
            .string()
            .regex(/^stf_[0-9a-f]{32}$/)
            .optional(),
          limit: z.coerce
            .number()
            .int()
            .min(1)
            .max(500)
            .default(100)
            .openapi({ type: "integer", minimum: 1, maximum: 500 }),
        }),
      },
      responses: {
        200: json(z.object({ items: z.array(AuditSchema) }), "Audit records."),
        ...problems(...staffProblems),
      },
    }),
    async (c) => c.json({ items: await listAudit(deps.database.sql, c.req.valid("query")) }, 200),
  );
}
