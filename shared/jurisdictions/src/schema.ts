import { z } from "zod";

/** Home regions: each is one regional cluster with its own data; players live in exactly one. */
export const regions = ["eu", "uk", "ca"] as const;
export const regionSchema = z.enum(regions);
export type Region = z.infer<typeof regionSchema>;

export const betBucketOrderSchema = z.enum(["cash-first", "bonus-first"]);
export type BetBucketOrder = z.infer<typeof betBucketOrderSchema>;

/** A licensed jurisdiction: the rules a player registered under it plays by. */
export const jurisdictionSchema = z.object({
  id: z.string().regex(/^[a-z]{2}(-[a-z0-9]{1,3})?$/),
  name: z.string().min(1),
  regulator: z.string().min(1),
  homeRegion: regionSchema,
  minimumAge: z.number().int().min(18).max(25),
  defaultCurrency: z.string().regex(/^[A-Z]{3}$/),
  currencies: z.array(z.string().regex(/^[A-Z]{3}$/)).min(1),
  /** Cooling-off period before a deposit/loss limit raise takes effect. */
  limitRaiseCooldownHours: z.number().int().min(0),
  /** Which balance a stake draws from first when a player holds both cash and bonus money. */
  betBucketOrder: betBucketOrderSchema,
});
export type Jurisdiction = z.infer<typeof jurisdictionSchema>;

export const blockReasonSchema = z.enum([
  "unknown-country",
  "sanctioned",
  "own-licence-regime",
  "not-licensed",
  "subdivision-required",
]);
export type BlockReason = z.infer<typeof blockReasonSchema>;

/**
 * One territory rule: an ISO 3166-1 country ("GB") or an ISO 3166-2 subdivision ("CA-ON").
 * A rule either points at a licensed jurisdiction or blocks with a reason.
 */
export const territoryRuleSchema = z.union([
  z.object({ code: z.string(), jurisdiction: z.string() }),
  z.object({ code: z.string(), blocked: blockReasonSchema }),
]);
export type TerritoryRule = z.infer<typeof territoryRuleSchema>;
