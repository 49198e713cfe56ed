// Schemas and response sets every route shares, so the OpenAPI document states each error a
// route can answer with (and schemathesis can hold us to it).

import { correlationHeaders } from "@croupier/core/http/outbound";
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { PlayerApiDeps, PlayerApiEnv } from "../deps.ts";

export const ProblemSchema = z
  .looseObject({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    code: z.string().optional(),
  })
  .openapi("Problem", { description: "RFC 9457 problem details; `code` is stable." });

const problemContent = { "application/problem+json": { schema: ProblemSchema } };

const descriptions: Record<number, string> = {
  400: "The request is not valid (schema violation, unknown field, bad JSON).",
  401: "Authentication failed or is missing (see WWW-Authenticate).",
  403: "Not allowed (account state, role, jurisdiction).",
  404: "Not found.",
  409: "Conflicts with the current state.",
  413: "The body is too large.",
  415: "The body is not application/json.",
  421: "The request reached the wrong home region.",
  422: "Understood but refused by a business rule.",
  502: "A service this request needs failed.",
  503: "A service this request needs is unavailable.",
};

export function problems(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      { description: descriptions[status] ?? "Problem.", content: problemContent },
    ]),
  );
}

/** Every request through the edge may be refused by the signature check or the region check. */
export const edgeProblems = [400, 401, 413, 415, 421] as const;
export const upstreamProblems = [502, 503] as const;

export const PlayerIdSchema = z
  .string()
  .regex(/^ply_[0-9a-f]{32}$/)
  .openapi({ example: "ply_0192f0c1a2b37c3d8e9f0a1b2c3d4e5f" });
export const CurrencySchema = z
  .string()
  .regex(/^[A-Z]{3}$/)
  .openapi({ example: "EUR" });
export const UnitsSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,17}$/)
  .openapi({
    description: "Positive whole units of the currency's smallest denomination, as a decimal string.",
    example: "100000",
  });

export function json<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { "application/json": { schema } } };
}

export function jsonBody<T extends z.ZodType>(schema: T) {
  return { required: true, content: { "application/json": { schema } } };
}

export function domainContext(c: Context<PlayerApiEnv>, deps: PlayerApiDeps) {
  return { deps, correlation: correlationHeaders(c as never) };
}

export const playerSecurity = [{ accessToken: [] }];
export const staffSecurity = [{ staffToken: [] }];
