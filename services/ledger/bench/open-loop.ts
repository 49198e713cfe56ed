// The open-loop schedule: operation k (from 0) is due k / rate seconds after the start, and is sent
// as soon as that moment has passed, whatever the answers to earlier ones. Latency counts from the
// due time, so a late send shows up as latency.

/** How many operations are due `elapsedMs` after the start: those with k / rate ≤ elapsed. */
export function operationsDue(elapsedMs: number, ratePerSecond: number, total: number): number {
  if (elapsedMs < 0) return 0;
  return Math.min(total, Math.floor((elapsedMs / 1000) * ratePerSecond) + 1);
}

/** When operation `index` is due, in ms after the start. */
export function dueAtMs(index: number, ratePerSecond: number): number {
  return (index / ratePerSecond) * 1000;
}
