import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { PlayerApiDeps, PlayerApiEnv } from "../../deps.ts";
import { exclude, exclusionEnd, setRealityCheck } from "../../domain/exclusions/exclude.ts";
import { changeLimits, getLimits, type LimitChanges } from "../../domain/limits/update-limits.ts";
import { requirePlayer } from "../../http/player-auth.ts";
import {
  domainContext,
  edgeProblems,
  json,
  jsonBody,
  playerSecurity,
  problems,
  upstreamProblems,
} from "../common.ts";
import {
  ExclusionSchema,
  LimitsChangeBody,
  LimitsSchema,
  RealityCheckBody,
  SelfExclusionBody,
  TimeOutBody,
} from "./schema.ts";

export function rgRoutes(app: OpenAPIHono<PlayerApiEnv>, deps: PlayerApiDeps) {
  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/limits",
      tags: ["responsible gaming"],
      summary: "Deposit, loss and session-time limits, with pending raises",
      security: playerSecurity,
      middleware: [requirePlayer(deps)] as const,
      responses: {
        200: json(LimitsSchema, "The limits."),
        ...problems(...edgeProblems, ...upstreamProblems),
      },
    }),
    async (c) => c.json(await getLimits({ ctx: domainContext(c, deps), player: c.get("player") }), 200),
  );

  app.openapi(
    createRoute({
      method: "put",
      path: "/v1/limits",
      tags: ["responsible gaming"],
      summary: "Set or lower limits at once; raises and removals wait for the cooling-off period",
      security: playerSecurity,
      middleware: [requirePlayer(deps)] as const,
      request: { body: jsonBody(LimitsChangeBody) },
      responses: {
        200: json(LimitsSchema, "The limits after the change."),
        ...problems(...edgeProblems, ...upstreamProblems),
      },
    }),
    async (c) => {
      const body = c.req.valid("json");
      const changes: LimitChanges = {};
      for (const kind of ["deposit", "loss"] as const) {
        for (const period of ["day", "week", "month"] as const) {
          const value = body[kind]?.[period];
          if (value !== undefined) changes[`${kind}.${period}`] = value === null ? null : BigInt(value);
        }
      }
      if (body.sessionMinutes !== undefined) {
        changes["session_time.session"] = body.sessionMinutes === null ? null : BigInt(body.sessionMinutes);
      }
      return c.json(
        await changeLimits({ ctx: domainContext(c, deps), player: c.get("player"), changes }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/v1/self-exclusion",
      tags: ["responsible gaming"],
      summary: "Self-exclude for 6 months up to permanently; every session ends",
      security: playerSecurity,
      middleware: [requirePlayer(deps)] as const,
      request: { body: jsonBody(SelfExclusionBody) },
      responses: {
        201: json(ExclusionSchema, "Excluded."),
        ...problems(...edgeProblems, 409, ...upstreamProblems),
      },
    }),
    async (c) => {
      const until = exclusionEnd(c.req.valid("json").period, deps.clock());
      return c.json(
        await exclude({
          ctx: domainContext(c, deps),
          player: c.get("player"),
          kind: "self_exclusion",
          until,
        }),
        201,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/v1/time-out",
      tags: ["responsible gaming"],
      summary: "Take a time-out of 1 to 42 days; every session ends",
      security: playerSecurity,
      middleware: [requirePlayer(deps)] as const,
      request: { body: jsonBody(TimeOutBody) },
      responses: {
        201: json(ExclusionSchema, "On a time-out."),
        ...problems(...edgeProblems, 409, ...upstreamProblems),
      },
    }),
    async (c) => {
      const until = new Date(deps.clock().getTime() + c.req.valid("json").days * 86_400_000);
      return c.json(
        await exclude({ ctx: domainContext(c, deps), player: c.get("player"), kind: "cool_off", until }),
        201,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "put",
      path: "/v1/reality-check",
      tags: ["responsible gaming"],
      summary: "Set the reality-check reminder interval (null turns it off)",
      security: playerSecurity,
      middleware: [requirePlayer(deps)] as const,
      request: { body: jsonBody(RealityCheckBody) },
      responses: { 200: json(RealityCheckBody, "The interval."), ...problems(...edgeProblems) },
    }),
    async (c) =>
      c.json(
        await setRealityCheck({
          ctx: domainContext(c, deps),
          player: c.get("player"),
          minutes: c.req.valid("json").intervalMinutes,
        }),
        200,
      ),
  );
}
