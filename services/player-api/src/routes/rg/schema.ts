import { z } from "@hono/zod-openapi";
import { CurrencySchema, UnitsSchema } from "../common.ts";

const LimitViewSchema = z
  .object({
    current: z.string().nullable().openapi({ description: "Units in force; null = no limit." }),
    pending: z
      .object({ value: z.string().nullable(), effectiveAt: z.string().openapi({ format: "date-time" }) })
      .nullable()
      .openapi({ description: "A raise (or removal) waiting for the cooling-off period." }),
  })
  .openapi("LimitState");

const PeriodViewSchema = z
  .object({ day: LimitViewSchema, week: LimitViewSchema, month: LimitViewSchema })
  .openapi("PeriodLimits");

export const LimitsSchema = z
  .object({
    currency: CurrencySchema,
    raiseCooldownHours: z.number().int(),
    deposit: PeriodViewSchema,
    loss: PeriodViewSchema,
    sessionMinutes: z
      .object({
        current: z.number().int().nullable(),
        pending: z.object({ value: z.number().int().nullable(), effectiveAt: z.string() }).nullable(),
      })
      .openapi("SessionTimeLimit"),
    realityCheckMinutes: z.number().int().nullable(),
  })
  .openapi("Limits");

const PeriodChangeSchema = z
  .strictObject({
    day: UnitsSchema.nullable().optional(),
    week: UnitsSchema.nullable().optional(),
    month: UnitsSchema.nullable().optional(),
  })
  .openapi("PeriodLimitChange", {
    description: "Per period: units to set, null to remove; omitted = unchanged.",
  });

export const LimitsChangeBody = z
  .strictObject({
    deposit: PeriodChangeSchema.optional(),
    loss: PeriodChangeSchema.optional(),
    sessionMinutes: z.number().int().min(5).max(1440).nullable().optional(),
  })
  .openapi("LimitsChange");

export const SelfExclusionBody = z
  .strictObject({ period: z.enum(["6m", "1y", "2y", "5y", "permanent"]) })
  .openapi("SelfExclusionRequest");

export const TimeOutBody = z
  .strictObject({ days: z.number().int().min(1).max(42) })
  .openapi("TimeOutRequest");

export const ExclusionSchema = z
  .object({
    kind: z.enum(["self_exclusion", "cool_off"]),
    until: z.string().nullable(),
    permanent: z.boolean(),
  })
  .openapi("Exclusion");

export const RealityCheckBody = z
  .strictObject({ intervalMinutes: z.number().int().min(5).max(240).nullable() })
  .openapi("RealityCheck");
