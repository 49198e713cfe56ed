export type EpochFetcher = (region: string, playerId: string) => Promise<number>;

/**
 * Revocation check for money-moving routes. player-api bumps a player's session epoch on logout-all,
 * password change, self-exclusion or a security hold; tokens carry the epoch they were minted at (`sep`).
 * The current epoch is cached per isolate for `ttlMs`, so a revocation takes effect everywhere within
 * that time while a burst of bets costs one origin call. Epochs only grow, so:
 * - a token below a fresh cached epoch is revoked without asking again;
 * - a token above it means the cache predates a new login and is refreshed at once.
 * Concurrent misses for one player share one fetch. Failures propagate: the caller fails closed.
 */
export class SessionEpochCache {
  private readonly entries = new Map<string, { epoch: number; fetchedAt: number }>();
  private readonly inflight = new Map<string, Promise<number>>();
  private readonly fetchEpoch: EpochFetcher;
  private readonly ttlMs: number;
  private readonly maxEntries: number;

  constructor(options: { fetchEpoch: EpochFetcher; ttlMs?: number; maxEntries?: number }) {
    this.fetchEpoch = options.fetchEpoch;
    this.ttlMs = options.ttlMs ?? 5_000;
    this.maxEntries = options.maxEntries ?? 10_000;
  }

  async isRevoked(input: {
    region: string;
    playerId: string;
    tokenEpoch: number;
    now: number;
  }): Promise<boolean> {
    const key = `${input.region}:${input.playerId}`;
    const cached = this.entries.get(key);
    if (cached && input.now - cached.fetchedAt < this.ttlMs && input.tokenEpoch <= cached.epoch) {
      return input.tokenEpoch < cached.epoch;
    }
    const epoch = await this.load(key, input.region, input.playerId, input.now);
    return input.tokenEpoch < epoch;
  }

  private load(key: string, region: string, playerId: string, now: number): Promise<number> {
    let pending = this.inflight.get(key);
    if (!pending) {
      pending = this.fetchEpoch(region, playerId)
        .then((epoch) => {
          if (this.entries.size >= this.maxEntries) this.entries.clear();
          this.entries.set(key, { epoch, fetchedAt: now });
          return epoch;
        })
        .finally(() => this.inflight.delete(key));
      this.inflight.set(key, pending);
    }
    return pending;
  }
}
