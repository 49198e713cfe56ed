// Deposits and two-phase withdrawals (role cashier). Withdrawals are never blocked by exclusion.
import type { ServiceApp } from "@croupier/core/http/app";
import { newId } from "@croupier/core/ids";
import { createRoute, z } from "@hono/zod-openapi";
import { deposit, holdWithdrawal, settleWithdrawal } from "../domain/operations.ts";
import { requestHash } from "../domain/request-hash.ts";
import type { RouteDeps } from "./deps.ts";
import { authorizedContext, respond } from "./respond.ts";
import {
  balance,
  body,
  currencyCode,
  externalId,
  idempotencyHeaders,
  json,
  optionalIdempotencyHeaders,
  playerId,
  positiveUnits,
  problems,
  replayedHeader,
} from "./schemas.ts";

const depositRequest = z
  .strictObject({
    playerId,
    currency: currencyCode,
    amount: positiveUnits,
    depositId: externalId,
    psp: externalId,
    pspReference: externalId,
  })
  .openapi("DepositRequest");

export const depositRoute = createRoute({
  method: "post",
  path: "/v1/deposits",
  summary: "Credit a deposit confirmed by a PSP",
  request: { headers: idempotencyHeaders, ...body(depositRequest) },
  responses: {
    201: json(
      z.object({ txId: z.string(), balance }).openapi("DepositResponse"),
      "Deposited",
      replayedHeader,
    ),
    ...problems({
      403: "self_excluded (self-exclusion or cool-off), account_blocked, forbidden_operation",
      404: "unknown_account",
      409: "idempotency_conflict",
      422: "limit_exceeded (with limit: { kind, period, amount, remaining }), currency_mismatch",
    }),
  },
});

const withdrawalRequest = z
  .strictObject({
    playerId,
    currency: currencyCode,
    amount: positiveUnits,
    withdrawalId: externalId,
    expiresInSeconds: z
      .number()
      .int()
      .min(1)
      .max(30 * 86_400)
      .optional(),
  })
  .openapi("WithdrawalRequest");

export const withdrawalRoute = createRoute({
  method: "post",
  path: "/v1/withdrawals",
  summary: "Hold cash for a withdrawal (pending until committed, released or expired)",
  request: { headers: idempotencyHeaders, ...body(withdrawalRequest) },
  responses: {
    201: json(
      z.object({ holdId: z.string(), status: z.literal("pending"), balance }).openapi("WithdrawalResponse"),
      "Held",
      replayedHeader,
    ),
    ...problems({
      404: "unknown_account",
      409: "idempotency_conflict",
      422: "insufficient_funds, currency_mismatch",
    }),
  },
});

const withdrawalParams = z.object({
  withdrawalId: externalId.openapi({ param: { name: "withdrawalId", in: "path" } }),
});

export const commitRoute = createRoute({
  method: "post",
  path: "/v1/withdrawals/{withdrawalId}/commit",
  summary: "Commit a pending withdrawal (the held cash leaves to the PSP clearing account)",
  request: { headers: optionalIdempotencyHeaders, params: withdrawalParams },
  responses: {
    200: json(z.object({ status: z.literal("committed"), txId: z.string() }), "Committed", replayedHeader),
    ...problems({ 404: "unknown_reference", 409: "hold_not_pending, hold_expired (the hold was released)" }),
  },
});

export const releaseRoute = createRoute({
  method: "post",
  path: "/v1/withdrawals/{withdrawalId}/release",
  summary: "Release a pending withdrawal (the held cash returns to the player)",
  request: { headers: optionalIdempotencyHeaders, params: withdrawalParams },
  responses: {
    200: json(
      z.object({ status: z.literal("released"), txId: z.string().nullable() }),
      "Released",
      replayedHeader,
    ),
    ...problems({ 404: "unknown_reference", 409: "hold_not_pending" }),
  },
});

const CASHIER = ["cashier"] as const;

export function registerCashier(app: ServiceApp, deps: RouteDeps) {
  app.openapi(depositRoute, async (c) => {
    const ctx = authorizedContext(c, deps, CASHIER);
    const input = c.req.valid("json");
    const key = c.req.valid("header")["idempotency-key"];
    return respond(c, await deposit(ctx, key, { ...input, amount: BigInt(input.amount) }));
  });
  app.openapi(withdrawalRoute, async (c) => {
    const ctx = authorizedContext(c, deps, CASHIER);
    const input = c.req.valid("json");
    const key = c.req.valid("header")["idempotency-key"];
    const hash = await requestHash("withdrawal", input);
    const expiresInSeconds = input.expiresInSeconds ?? deps.holdTtlSeconds;
    const holdId = newId("hld");
    return respond(
      c,
      await holdWithdrawal(
        ctx,
        key,
        { ...input, amount: BigInt(input.amount), expiresInSeconds, holdId },
        hash,
      ),
    );
  });
  for (const [route, action] of [
    [commitRoute, "commit"],
    [releaseRoute, "release"],
  ] as const) {
    app.openapi(route, async (c) => {
      const ctx = authorizedContext(c, deps, CASHIER);
      const { withdrawalId } = c.req.valid("param");
      const key = c.req.valid("header")["idempotency-key"] ?? null;
      return respond(c, await settleWithdrawal(ctx, key, withdrawalId, action));
    });
  }
}
