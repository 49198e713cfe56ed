// Bonus grant, conversion to cash and forfeit (role player).
import type { ServiceApp } from "@croupier/core/http/app";
import { problems as problems400Factory } from "@croupier/core/problem";
import { createRoute, z } from "@hono/zod-openapi";
import { grantBonus, settleBonus } from "../domain/operations.ts";
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
  units,
} from "./schemas.ts";

const problems400 = (detail: string) => problems400Factory.badRequest(detail);

export const grantRoute = createRoute({
  method: "post",
  path: "/v1/bonuses/grants",
  summary: "Grant a bonus into the bonus bucket (against the bonus-liability account)",
  request: {
    headers: idempotencyHeaders,
    ...body(
      z
        .strictObject({ playerId, currency: currencyCode, amount: positiveUnits, bonusId: externalId })
        .openapi("BonusGrantRequest"),
    ),
  },
  responses: {
    201: json(z.object({ txId: z.string(), bonusId: z.string(), balance }), "Granted", replayedHeader),
    ...problems({ 404: "unknown_account", 409: "idempotency_conflict", 422: "currency_mismatch" }),
  },
});

const bonusParams = z.object({ bonusId: externalId.openapi({ param: { name: "bonusId", in: "path" } }) });

export const convertRoute = createRoute({
  method: "post",
  path: "/v1/bonuses/{bonusId}/convert",
  summary: "Convert (part of) the bonus into cash; without amount, all that is left of it",
  request: {
    headers: optionalIdempotencyHeaders,
    params: bonusParams,
    body: {
      content: { "application/json": { schema: z.strictObject({ amount: positiveUnits.optional() }) } },
      required: false,
    },
  },
  responses: {
    200: json(
      z.object({ txId: z.string(), bonusId: z.string(), converted: units, balance }),
      "Converted",
      replayedHeader,
    ),
    ...problems({ 404: "unknown_reference", 409: "bonus_not_active", 422: "insufficient_funds" }),
  },
});

export const forfeitRoute = createRoute({
  method: "post",
  path: "/v1/bonuses/{bonusId}/forfeit",
  summary: "Forfeit what is left of the bonus",
  request: { headers: optionalIdempotencyHeaders, params: bonusParams },
  responses: {
    200: json(
      z.object({ txId: z.string().nullable(), bonusId: z.string(), forfeited: units, balance }),
      "Forfeited",
      replayedHeader,
    ),
    ...problems({ 404: "unknown_reference", 409: "bonus_not_active" }),
  },
});

export function registerBonuses(app: ServiceApp, deps: RouteDeps) {
  app.openapi(grantRoute, async (c) => {
    const ctx = authorizedContext(c, deps, ["player"]);
    const input = c.req.valid("json");
    const key = c.req.valid("header")["idempotency-key"];
    return respond(c, await grantBonus(ctx, key, { ...input, amount: BigInt(input.amount) }));
  });
  app.openapi(convertRoute, async (c) => {
    const ctx = authorizedContext(c, deps, ["player"]);
    const { bonusId } = c.req.valid("param");
    const key = c.req.valid("header")["idempotency-key"] ?? null;
    const raw = await c.req.text();
    const parsed = z.strictObject({ amount: positiveUnits.optional() }).safeParse(raw ? JSON.parse(raw) : {});
    if (!parsed.success) throw problems400(parsed.error.issues.map((i) => i.message).join("; "));
    const amount = parsed.data.amount ? BigInt(parsed.data.amount) : null;
    return respond(c, await settleBonus(ctx, key, bonusId, "convert", amount));
  });
  app.openapi(forfeitRoute, async (c) => {
    const ctx = authorizedContext(c, deps, ["player"]);
    const { bonusId } = c.req.valid("param");
    const key = c.req.valid("header")["idempotency-key"] ?? null;
    return respond(c, await settleBonus(ctx, key, bonusId, "forfeit", null));
  });
}
