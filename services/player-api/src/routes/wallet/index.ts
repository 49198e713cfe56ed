import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { PlayerApiDeps, PlayerApiEnv } from "../../deps.ts";
import { requirePlayer } from "../../http/player-auth.ts";
import {
  CurrencySchema,
  domainContext,
  edgeProblems,
  json,
  PlayerIdSchema,
  playerSecurity,
  problems,
  upstreamProblems,
} from "../common.ts";

const SignedUnits = z.string().regex(/^-?(0|[1-9][0-9]*)$/);

export const BalanceSchema = z
  .object({
    currency: CurrencySchema,
    cash: SignedUnits,
    bonus: SignedUnits,
    total: SignedUnits,
    held: SignedUnits,
  })
  .openapi("Balance");
export const BalancesSchema = z
  .object({ playerId: PlayerIdSchema, balances: z.array(BalanceSchema) })
  .openapi("Balances");

export const TransactionSchema = z
  .looseObject({
    txId: z.string(),
    kind: z.string(),
    amount: SignedUnits,
    currency: CurrencySchema,
    bucket: z.string(),
    balanceAfter: z.looseObject({ cash: SignedUnits, bonus: SignedUnits }),
    reference: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi("Transaction");
export const TransactionPageSchema = z
  .object({ items: z.array(TransactionSchema), nextCursor: z.string().nullable() })
  .openapi("TransactionPage");

export const HistoryQuery = z.strictObject({
  currency: CurrencySchema.optional(),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(50)
    .openapi({ type: "integer", minimum: 1, maximum: 100 }),
  cursor: z
    .string()
    .min(1)
    .max(512)
    .regex(/^[A-Za-z0-9._~:=+/-]+$/)
    .optional(),
});

export function walletRoutes(app: OpenAPIHono<PlayerApiEnv>, deps: PlayerApiDeps) {
  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/wallet/balances",
      tags: ["wallet"],
      summary: "Cash and bonus balances per currency",
      security: playerSecurity,
      middleware: [requirePlayer(deps)] as const,
      responses: {
        200: json(BalancesSchema, "Balances."),
        ...problems(...edgeProblems, ...upstreamProblems),
      },
    }),
    async (c) => {
      const { playerId } = c.get("player");
      const balances = await deps.ledger.balances(domainContext(c, deps).correlation, playerId);
      return c.json({ playerId, balances }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/wallet/transactions",
      tags: ["wallet"],
      summary: "Transaction history, newest first, cursor-paginated",
      security: playerSecurity,
      middleware: [requirePlayer(deps)] as const,
      request: { query: HistoryQuery },
      responses: {
        200: json(TransactionPageSchema, "One page."),
        ...problems(...edgeProblems, ...upstreamProblems),
      },
    }),
    async (c) => {
      const query = c.req.valid("query");
      const page = await deps.ledger.transactions(domainContext(c, deps).correlation, {
        playerId: c.get("player").playerId,
        currency: query.currency,
        limit: query.limit,
        cursor: query.cursor,
      });
      return c.json(page, 200);
    },
  );
}
