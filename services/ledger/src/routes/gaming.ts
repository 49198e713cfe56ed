// Bets, wins and rollbacks (role gaming). Never blocked by exclusions or limits: wins and rollbacks.
import type { ServiceApp } from "@croupier/core/http/app";
import { createRoute, z } from "@hono/zod-openapi";
import { placeBet, rollbackBet, settleWin } from "../domain/operations.ts";
import type { RouteDeps } from "./deps.ts";
import { authorizedContext, respond } from "./respond.ts";
import {
  balance,
  body,
  currencyCode,
  externalId,
  idempotencyHeaders,
  json,
  playerId,
  problems,
  replayedHeader,
  units,
} from "./schemas.ts";

const betRequest = z
  .strictObject({
    playerId,
    currency: currencyCode,
    amount: units,
    betId: externalId,
    roundId: externalId,
    gameId: externalId,
    providerId: externalId,
    sessionId: externalId.optional(),
  })
  .openapi("BetRequest");

const betResponse = z
  .object({ txId: z.string(), betId: z.string(), balance, debited: z.object({ cash: units, bonus: units }) })
  .openapi("BetResponse");

export const betRoute = createRoute({
  method: "post",
  path: "/v1/bets",
  summary: "Debit a bet (cash/bonus order per jurisdiction)",
  request: { headers: idempotencyHeaders, ...body(betRequest) },
  responses: {
    201: json(betResponse, "The bet was debited", replayedHeader),
    ...problems({
      403: "self_excluded, account_blocked, forbidden_operation",
      404: "unknown_account",
      409: "idempotency_conflict, duplicate_bet, bet_rolled_back",
      422: "insufficient_funds (with balance), limit_exceeded (loss limit), currency_mismatch",
    }),
  },
});

const winRequest = z
  .strictObject({
    playerId,
    currency: currencyCode,
    amount: units,
    winId: externalId,
    betId: externalId.optional(),
    roundId: externalId,
    gameId: externalId,
    providerId: externalId,
    closeRound: z.boolean().optional(),
  })
  .openapi("WinRequest");

const winResponse = z
  .object({ txId: z.string(), winId: z.string(), balance, credited: z.object({ cash: units, bonus: units }) })
  .openapi("WinResponse");

export const winRoute = createRoute({
  method: "post",
  path: "/v1/wins",
  summary: "Credit a win against a bet, or against a round when betId is absent",
  request: { headers: idempotencyHeaders, ...body(winRequest) },
  responses: {
    201: json(winResponse, "The win was credited (to the buckets the stake came from)", replayedHeader),
    ...problems({
      404: "unknown_account, unknown_reference (bet or round unknown)",
      409: "idempotency_conflict, already_rolled_back",
      422: "currency_mismatch",
    }),
  },
});

const rollbackRequest = z
  .strictObject({
    playerId,
    currency: currencyCode,
    rollbackId: externalId,
    betId: externalId,
    roundId: externalId.optional(),
    gameId: externalId.optional(),
    providerId: externalId,
  })
  .openapi("RollbackRequest");

const rollbackResponse = z
  .object({ txId: z.string().nullable(), rollbackId: z.string(), balance, tombstone: z.boolean() })
  .openapi("RollbackResponse");

export const rollbackRoute = createRoute({
  method: "post",
  path: "/v1/rollbacks",
  summary: "Roll back a bet; an unknown bet leaves a tombstone that refuses it later",
  request: { headers: idempotencyHeaders, ...body(rollbackRequest) },
  responses: {
    201: json(rollbackResponse, "Rolled back (or tombstoned)", replayedHeader),
    ...problems({
      404: "unknown_account, unknown_reference",
      409: "idempotency_conflict, already_settled",
      422: "currency_mismatch",
    }),
  },
});

const GAMING = ["gaming"] as const;

export function registerGaming(app: ServiceApp, deps: RouteDeps) {
  app.openapi(betRoute, async (c) => {
    const ctx = authorizedContext(c, deps, GAMING);
    const input = c.req.valid("json");
    const key = c.req.valid("header")["idempotency-key"];
    return respond(c, await placeBet(ctx, key, { ...input, amount: BigInt(input.amount) }));
  });
  app.openapi(winRoute, async (c) => {
    const ctx = authorizedContext(c, deps, GAMING);
    const input = c.req.valid("json");
    const key = c.req.valid("header")["idempotency-key"];
    return respond(c, await settleWin(ctx, key, { ...input, amount: BigInt(input.amount) }));
  });
  app.openapi(rollbackRoute, async (c) => {
    const ctx = authorizedContext(c, deps, GAMING);
    const input = c.req.valid("json");
    const key = c.req.valid("header")["idempotency-key"];
    return respond(c, await rollbackBet(ctx, key, input));
  });
}
