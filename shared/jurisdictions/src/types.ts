/** Home regions: each is one regional cluster with its own data; players live in exactly one. */
export const regions = ["eu", "uk", "ca"] as const;
export type Region = (typeof regions)[number];

export type BetBucketOrder = "cash-first" | "bonus-first";

/** A licensed jurisdiction: the rules a player registered under it plays by. */
export type Jurisdiction = {
  /** Lower-case id carried in session claims (`jur`): "eu", "uk", "ca-on". */
  id: string;
  name: string;
  regulator: string;
  homeRegion: Region;
  minimumAge: number;
  defaultCurrency: string;
  currencies: readonly string[];
  /** Cooling-off period before a deposit/loss limit raise takes effect. */
  limitRaiseCooldownHours: number;
  /** Which balance a stake draws from first when a player holds both cash and bonus money. */
  betBucketOrder: BetBucketOrder;
};

export const blockReasons = [
  "unknown-country",
  "sanctioned",
  "own-licence-regime",
  "not-licensed",
  "subdivision-required",
] as const;
export type BlockReason = (typeof blockReasons)[number];

/**
 * One territory rule: an ISO 3166-1 country ("GB") or an ISO 3166-2 subdivision ("CA-ON").
 * A rule either points at a licensed jurisdiction or blocks with a reason.
 */
export type TerritoryRule = { code: string; jurisdiction: string } | { code: string; blocked: BlockReason };

export function isRegion(value: unknown): value is Region {
  return typeof value === "string" && (regions as readonly string[]).includes(value);
}
