// Per-game stake limits of the provider registry: a game's own limit in a currency replaces
// its provider's default for that currency. The stake is what the player risks from the
// balance, so a free bet (funded by the provider's reward) and a zero bet are never refused.
import type { GameRecord, ProviderRecord, StakeLimit } from "./store-port.ts";

export function stakeLimitFor(
  provider: ProviderRecord,
  game: GameRecord,
  currency: string,
): StakeLimit | undefined {
  return game.stakeLimits?.[currency] ?? provider.stakeLimits?.[currency];
}

/** Whether a stake (units of the currency) is within the limit; no limit allows everything. */
export function stakeAllowed(limit: StakeLimit | undefined, stake: bigint): boolean {
  if (!limit || stake === 0n) return true;
  if (limit.maxBet !== null && stake > limit.maxBet) return false;
  if (limit.minBet !== null && stake < limit.minBet) return false;
  return true;
}
