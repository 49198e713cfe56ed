// A fixed-resolution latency histogram (10 µs buckets up to 2 s), cheap enough to record millions
// of samples on the load generator's own core.
const BUCKET_US = 10;
const MAX_US = 2_000_000;

export class LatencyHistogram {
  counts = new Uint32Array(MAX_US / BUCKET_US + 1);
  total = 0;
  maxMs = 0;

  record(ms: number) {
    const index = Math.min(Math.floor((ms * 1000) / BUCKET_US), this.counts.length - 1);
    this.counts[index] = (this.counts[index] ?? 0) + 1;
    this.total += 1;
    if (ms > this.maxMs) this.maxMs = ms;
  }

  /** The q-quantile in milliseconds (upper edge of its bucket). */
  quantile(q: number): number {
    if (this.total === 0) return 0;
    const target = Math.ceil(q * this.total);
    let seen = 0;
    for (let i = 0; i < this.counts.length; i++) {
      seen += this.counts[i] ?? 0;
      if (seen >= target) return ((i + 1) * BUCKET_US) / 1000;
    }
    return this.maxMs;
  }

  reset() {
    this.counts.fill(0);
    this.total = 0;
    this.maxMs = 0;
  }
}
