// Player controls (role player): status, exclusion and limits that the money operations enforce.
import type { ServiceApp } from "@croupier/core/http/app";
import { createRoute, z } from "@hono/zod-openapi";
import { getControls, setControls } from "../domain/controls.ts";
import { authorize } from "../http/service-auth.ts";
import type { RouteDeps } from "./deps.ts";
import { body, currencyCode, json, playerParams, positiveUnits, problems } from "./schemas.ts";

const limitSet = z.strictObject({
  day: positiveUnits.nullable().optional(),
  week: positiveUnits.nullable().optional(),
  month: positiveUnits.nullable().optional(),
});

const controlsRequest = z
  .strictObject({
    currency: currencyCode,
    status: z.enum(["active", "blocked", "closed"]).optional(),
    limits: z.strictObject({ deposit: limitSet.optional(), loss: limitSet.optional() }).optional(),
    exclusion: z
      .strictObject({
        kind: z.enum(["self_exclusion", "cool_off"]),
        until: z.iso.datetime({ offset: true }).nullable().openapi({ description: "null = permanent" }),
      })
      .nullable()
      .optional(),
  })
  .openapi("ControlsRequest");

const limitView = z.object({
  day: z.string().nullable(),
  week: z.string().nullable(),
  month: z.string().nullable(),
});
const controlsResponse = z
  .object({
    playerId: z.string(),
    status: z.enum(["active", "blocked", "closed"]),
    currency: z.string().nullable(),
    limits: z.object({ deposit: limitView, loss: limitView }),
    exclusion: z
      .object({
        kind: z.enum(["self_exclusion", "cool_off"]),
        until: z.string().nullable(),
        active: z.boolean(),
      })
      .nullable(),
    updatedAt: z.string().nullable(),
  })
  .openapi("Controls");

export const putControlsRoute = createRoute({
  method: "put",
  path: "/v1/players/{playerId}/controls",
  summary: "Set status, limits (null removes one) and exclusion (null lifts it); absent fields are unchanged",
  request: { params: playerParams, ...body(controlsRequest) },
  responses: { 200: json(controlsResponse, "The controls now in force"), ...problems({}) },
});

export const getControlsRoute = createRoute({
  method: "get",
  path: "/v1/players/{playerId}/controls",
  summary: "The controls in force",
  request: { params: playerParams },
  responses: { 200: json(controlsResponse, "The controls in force"), ...problems({}) },
});

const toLimits = (set: z.infer<typeof limitSet> | undefined) =>
  set &&
  Object.fromEntries(Object.entries(set).map(([p, v]) => [p, v === null || v === undefined ? v : BigInt(v)]));

export function registerControls(app: ServiceApp, deps: RouteDeps) {
  app.openapi(putControlsRoute, async (c) => {
    authorize(c, ["player"]);
    const { playerId } = c.req.valid("param");
    const input = c.req.valid("json");
    const view = await setControls(deps.sql, playerId, {
      currency: input.currency,
      status: input.status,
      limits: input.limits && { deposit: toLimits(input.limits.deposit), loss: toLimits(input.limits.loss) },
      exclusion:
        input.exclusion === undefined
          ? undefined
          : input.exclusion && {
              kind: input.exclusion.kind,
              until: input.exclusion.until ? new Date(input.exclusion.until) : null,
            },
    });
    return c.json(view, 200);
  });
  app.openapi(getControlsRoute, async (c) => {
    authorize(c, ["player"]);
    const { playerId } = c.req.valid("param");
    return c.json(await getControls(deps.sql, playerId), 200);
  });
}
