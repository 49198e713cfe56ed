// Opening accounts and reading balances and history.
import type { ServiceApp } from "@croupier/core/http/app";
import { createRoute, z } from "@hono/zod-openapi";
import { ledgerDb } from "../db/ledger-db.ts";
import { openAccount } from "../domain/operations.ts";
import { balances, history } from "../domain/views.ts";
import { authorize } from "../http/service-auth.ts";
import type { RouteDeps } from "./deps.ts";
import { authorizedContext, respond } from "./respond.ts";
import { body, currencyCode, json, playerParams, problems, units } from "./schemas.ts";

const jurisdiction = z
  .string()
  .regex(/^[a-z]{2,8}(-[a-z0-9]{1,8})?$/, "a jurisdiction code such as eu, uk or ca-on");

const accountResponse = z
  .object({
    playerId: z.string(),
    currency: z.string(),
    jurisdiction: z.string(),
    status: z.enum(["active", "blocked", "closed"]),
  })
  .openapi("Account");

export const openAccountRoute = createRoute({
  method: "post",
  path: "/v1/players/{playerId}/accounts",
  summary: "Open the player's account in a currency (idempotent: 201 when created, 200 when it existed)",
  request: {
    params: playerParams,
    ...body(z.strictObject({ currency: currencyCode, jurisdiction }).openapi("OpenAccountRequest")),
  },
  responses: {
    200: json(accountResponse, "The account already existed"),
    201: json(accountResponse, "The account was opened"),
    ...problems({ 409: "jurisdiction_mismatch" }),
  },
});

const balanceItem = z
  .object({ currency: z.string(), cash: units, bonus: units, total: units, held: units })
  .openapi("AccountBalance");

export const balancesRoute = createRoute({
  method: "get",
  path: "/v1/players/{playerId}/balances",
  summary: "Balances per currency (held = pending withdrawals); with asOf, as they were at that instant",
  request: {
    params: playerParams,
    query: z.object({
      asOf: z.iso.datetime({ offset: true }).optional().openapi({ example: "2026-01-31T23:59:59Z" }),
    }),
  },
  responses: {
    200: json(
      z.object({ playerId: z.string(), asOf: z.string().optional(), balances: z.array(balanceItem) }),
      "Balances",
    ),
    ...problems({ 404: "unknown_account" }),
  },
});

const historyItem = z
  .object({
    txId: z.string(),
    kind: z.string(),
    amount: z.string(),
    currency: z.string(),
    bucket: z.enum(["cash", "bonus", "held"]),
    balanceAfter: z.object({ cash: units, bonus: units, held: units }),
    reference: z.string().nullable(),
    entrySeq: z.string(),
    createdAt: z.string(),
  })
  .openapi("HistoryItem");

export const historyRoute = createRoute({
  method: "get",
  path: "/v1/players/{playerId}/transactions",
  summary: "The account's entries, newest first, with the balance after each entry",
  description:
    "Reads one account: the one in `currency`, or without it the player's only account. A player with " +
    "accounts in several currencies must name one (400 currency_required, whose `currencies` lists them).",
  request: {
    params: playerParams,
    query: z.object({
      currency: currencyCode.optional().openapi({
        description: "The account's currency; required when the player has accounts in several currencies.",
      }),
      limit: z.coerce.number().int().min(1).max(500).default(50),
      cursor: z.string().max(100).optional(),
    }),
  },
  responses: {
    200: json(
      z.object({ items: z.array(historyItem), nextCursor: z.string().nullable() }),
      "One page of history",
    ),
    ...problems({
      400:
        "bad_request: invalid input; bad_cursor; currency_required: the player has accounts in several " +
        "currencies (listed in `currencies`) and none was given",
      404: "unknown_account",
    }),
  },
});

export function registerAccounts(app: ServiceApp, deps: RouteDeps) {
  app.openapi(openAccountRoute, async (c) => {
    const ctx = authorizedContext(c, deps, ["player", "cashier"]);
    const { playerId } = c.req.valid("param");
    const input = c.req.valid("json");
    return respond(c, await openAccount(ctx, { playerId, ...input }));
  });
  app.openapi(balancesRoute, async (c) => {
    authorize(c, ["gaming", "player", "cashier"]);
    const { playerId } = c.req.valid("param");
    const { asOf } = c.req.valid("query");
    const items = await balances(ledgerDb(deps.sql), playerId, asOf);
    return c.json({ playerId, ...(asOf ? { asOf } : {}), balances: items }, 200);
  });
  app.openapi(historyRoute, async (c) => {
    authorize(c, ["player", "cashier"]);
    const { playerId } = c.req.valid("param");
    const query = c.req.valid("query");
    return c.json(await history(ledgerDb(deps.sql), { playerId, ...query }), 200);
  });
}
