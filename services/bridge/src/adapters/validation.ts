import type { z } from "zod";

export type Validated<T> = { ok: true; value: T } | { ok: false; problem: "missing" | "types" };

/**
 * Protocols tell a missing field (a syntax error) from a field of the wrong type, so the
 * zod issues are sorted into those two kinds.
 */
export function validate<T>(schema: z.ZodType<T>, body: Record<string, unknown>): Validated<T> {
  const result = schema.safeParse(body);
  if (result.success) return { ok: true, value: result.data };
  const missing = result.error.issues.some((issue) => {
    const field = issue.path[0];
    return (
      issue.code === "invalid_type" &&
      typeof field === "string" &&
      issue.path.length === 1 &&
      !(field in body)
    );
  });
  return { ok: false, problem: missing ? "missing" : "types" };
}
