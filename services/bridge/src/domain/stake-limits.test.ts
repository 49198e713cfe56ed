import { describe, expect, it } from "vitest";
import { stakeAllowed, stakeLimitFor } from "./stake-limits.ts";
import type { GameRecord, ProviderRecord } from "./store-port.ts";

const provider = {
  id: "acme",
  stakeLimits: { EUR: { minBet: 10_000n, maxBet: 10_000_000n }, GBP: { minBet: null, maxBet: 500_000n } },
} as unknown as ProviderRecord;
const game = (stakeLimits?: GameRecord["stakeLimits"]) => ({ gameCode: "g", stakeLimits }) as GameRecord;

describe("stake limits", () => {
  it("takes the game's own limit in a currency over the provider's default", () => {
    const table = game({ EUR: { minBet: 100_000n, maxBet: 500_000_000n } });
    expect(stakeLimitFor(provider, table, "EUR")).toEqual({ minBet: 100_000n, maxBet: 500_000_000n });
    expect(stakeLimitFor(provider, table, "GBP")).toEqual({ minBet: null, maxBet: 500_000n });
    expect(stakeLimitFor(provider, game(), "EUR")).toEqual({ minBet: 10_000n, maxBet: 10_000_000n });
    expect(stakeLimitFor(provider, game(), "CAD")).toBeUndefined();
  });

  it("allows stakes between the bounds, both included, and refuses the rest", () => {
    const limit = { minBet: 10_000n, maxBet: 10_000_000n };
    expect(stakeAllowed(limit, 10_000n)).toBe(true);
    expect(stakeAllowed(limit, 10_000_000n)).toBe(true);
    expect(stakeAllowed(limit, 10_000_001n)).toBe(false);
    expect(stakeAllowed(limit, 9_999n)).toBe(false);
  });

  it("never refuses a zero stake (free bets, zero bets) nor anything without a limit", () => {
    expect(stakeAllowed({ minBet: 10_000n, maxBet: 20_000n }, 0n)).toBe(true);
    expect(stakeAllowed(undefined, 10n ** 15n)).toBe(true);
    expect(stakeAllowed({ minBet: null, maxBet: null }, 10n ** 15n)).toBe(true);
    expect(stakeAllowed({ minBet: null, maxBet: 5n }, 6n)).toBe(false);
  });
});
