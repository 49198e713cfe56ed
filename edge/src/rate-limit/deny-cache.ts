/**
 * The in-isolate fast path: keys a Durable Object has just refused, with the moment they may pass
 * again. While a key is over its limit the sliding window cannot admit it (refusals are not counted),
 * so answering 429 here without a round trip is exact, and a flood from one key costs no DO calls.
 */
export class DenyCache {
  private readonly until = new Map<string, number>();
  private readonly maxEntries: number;

  constructor(maxEntries = 10_000) {
    this.maxEntries = maxEntries;
  }

  /** Seconds the key must still wait, or 0 if the cache knows nothing against it. */
  retryAfterSeconds(key: string, now: number): number {
    const until = this.until.get(key);
    if (until === undefined) return 0;
    if (until <= now) {
      this.until.delete(key);
      return 0;
    }
    return Math.ceil((until - now) / 1000);
  }

  remember(key: string, now: number, retryAfterSeconds: number): void {
    if (this.until.size >= this.maxEntries) this.evictExpired(now);
    // Still full of live entries: drop the oldest inserted; the DO stays the source of truth.
    if (this.until.size >= this.maxEntries) {
      const oldest = this.until.keys().next().value;
      if (oldest !== undefined) this.until.delete(oldest);
    }
    this.until.set(key, now + retryAfterSeconds * 1000);
  }

  private evictExpired(now: number): void {
    for (const [key, until] of this.until) if (until <= now) this.until.delete(key);
  }
}
