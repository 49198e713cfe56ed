// Wire schemas shared by the ledger's routes: the one source of validation, types and OpenAPI.
import { currencies } from "@croupier/money";
import { z } from "@hono/zod-openapi";

/** Amounts are decimal strings of whole units at the currency's scale; ≤ 18 digits fits int64. */
export const units = z
  .string()
  .regex(/^(0|[1-9][0-9]{0,17})$/, 'expected a string of whole units, e.g. "125000"')
  .openapi({ example: "125000", description: "Whole units at the currency's scale (EUR: 5 decimals)." });

export const positiveUnits = z
  .string()
  .regex(/^[1-9][0-9]{0,17}$/, 'expected a positive string of whole units, e.g. "125000"')
  .openapi({ example: "125000" });

export const signedUnits = z
  .string()
  .regex(/^-?[1-9][0-9]{0,17}$/, 'expected a non-zero string of whole units, e.g. "-5000"')
  .openapi({ example: "-5000" });

export const currencyCode = z
  .string()
  .refine((v) => Object.hasOwn(currencies, v), {
    message: `expected one of ${Object.keys(currencies).join(", ")}`,
  })
  .openapi({ example: "EUR" });

export const externalId = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\x21-\x7e]+$/, "printable ASCII without spaces");
export const playerId = externalId.openapi({ example: "ply_0192f0c1a2b37c3d8e9f0a1b2c3d4e5f" });

export const playerParams = z.object({
  playerId: playerId.openapi({ param: { name: "playerId", in: "path" } }),
});

export const idempotencyHeaders = z.object({
  "idempotency-key": z
    .string()
    .regex(/^[A-Za-z0-9._:-]{1,200}$/, "Idempotency-Key must be 1–200 characters of [A-Za-z0-9._:-]")
    .openapi({ description: "Scoped to the calling service; a replay returns the stored response." }),
});

export const optionalIdempotencyHeaders = z.object({
  "idempotency-key": idempotencyHeaders.shape["idempotency-key"].optional(),
});

export const balance = z.object({ cash: units, bonus: units, total: units }).openapi("Balance");

export const problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    code: z.string(),
  })
  .catchall(z.unknown())
  .openapi("Problem");

const problemContent = { "application/problem+json": { schema: problem } };

/** Error responses of a route, documented with their codes. */
export function problems(codes: Partial<Record<400 | 401 | 403 | 404 | 409 | 422, string>>) {
  const all = {
    400: "bad_request: invalid input (nothing was moved)",
    401: "unauthorized: missing or invalid service token",
    403: "forbidden_operation",
    ...codes,
  };
  return Object.fromEntries(
    Object.entries(all).map(([status, description]) => [status, { description, content: problemContent }]),
  ) as Record<string, { description: string; content: typeof problemContent }>;
}

export const replayedHeader = {
  "Idempotent-Replayed": {
    description: "true when this is the stored response of an earlier request",
    schema: { type: "string" as const },
  },
};

export function json<T extends z.ZodType>(schema: T, description: string, headers?: typeof replayedHeader) {
  return { description, content: { "application/json": { schema } }, ...(headers ? { headers } : {}) };
}

export function body<T extends z.ZodType>(schema: T) {
  return { body: { content: { "application/json": { schema } }, required: true } };
}
