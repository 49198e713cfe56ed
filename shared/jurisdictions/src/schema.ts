import { z } from "zod";
import { blockReasons, type Jurisdiction, regions, type TerritoryRule } from "./types.ts";

// zod schemas for the table's shapes, for services that validate input against them. Kept out of the
// main entry so the edge bundle does not carry zod.

export const regionSchema = z.enum(regions);
export const betBucketOrderSchema = z.enum(["cash-first", "bonus-first"]);
export const blockReasonSchema = z.enum(blockReasons);

export const jurisdictionSchema = z.object({
  id: z.string().regex(/^[a-z]{2}(-[a-z0-9]{1,3})?$/),
  name: z.string().min(1),
  regulator: z.string().min(1),
  homeRegion: regionSchema,
  minimumAge: z.number().int().min(18).max(25),
  defaultCurrency: z.string().regex(/^[A-Z]{3}$/),
  currencies: z.array(z.string().regex(/^[A-Z]{3}$/)).min(1),
  limitRaiseCooldownHours: z.number().int().min(0),
  betBucketOrder: betBucketOrderSchema,
}) satisfies z.ZodType<Jurisdiction>;

export const territoryRuleSchema = z.union([
  z.object({ code: z.string(), jurisdiction: z.string() }),
  z.object({ code: z.string(), blocked: blockReasonSchema }),
]) satisfies z.ZodType<TerritoryRule>;
