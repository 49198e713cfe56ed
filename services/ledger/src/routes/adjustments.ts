// Manual adjustments (role player, on behalf of staff): actor and reason are required.
import type { ServiceApp } from "@croupier/core/http/app";
import { createRoute, z } from "@hono/zod-openapi";
import { adjust } from "../domain/operations.ts";
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
  signedUnits,
} from "./schemas.ts";

// PostgreSQL text cannot hold NUL, and control characters have no place in an audit trail.
const text = z
  .string()
  .min(1)
  .refine(
    (v) =>
      ![...v].some((ch) => {
        const code = ch.charCodeAt(0);
        return (code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 127;
      }),
    { message: "control characters are not allowed" },
  );

const adjustmentRequest = z
  .strictObject({
    playerId,
    currency: currencyCode,
    amount: signedUnits,
    bucket: z.enum(["cash", "bonus"]),
    actor: text.max(200),
    reason: text.max(1000),
    adjustmentId: externalId,
  })
  .openapi("AdjustmentRequest");

export const adjustmentRoute = createRoute({
  method: "post",
  path: "/v1/adjustments",
  summary: "Credit or debit a bucket by hand (against the adjustments house account)",
  request: { headers: idempotencyHeaders, ...body(adjustmentRequest) },
  responses: {
    201: json(
      z.object({ txId: z.string(), balance }).openapi("AdjustmentResponse"),
      "Adjusted",
      replayedHeader,
    ),
    ...problems({
      404: "unknown_account",
      409: "idempotency_conflict",
      422: "insufficient_funds, currency_mismatch",
    }),
  },
});

export function registerAdjustments(app: ServiceApp, deps: RouteDeps) {
  app.openapi(adjustmentRoute, async (c) => {
    const ctx = authorizedContext(c, deps, ["player"]);
    const input = c.req.valid("json");
    const key = c.req.valid("header")["idempotency-key"];
    return respond(c, await adjust(ctx, key, { ...input, amount: BigInt(input.amount) }));
  });
}
