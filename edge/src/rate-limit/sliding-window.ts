export type LimitDecision = {
  allowed: boolean;
  /** Requests left in the window after this one. */
  remaining: number;
  /** Seconds until the oldest counted request leaves the window (the quota starts to refill). */
  resetSeconds: number;
  /** Seconds until a request would be admitted again; 0 when admitted. */
  retryAfterSeconds: number;
};

/**
 * An exact sliding-window log: a request is admitted when fewer than `limit` admitted requests fall
 * in the last `windowMs`. `log` holds the admitted timestamps in ascending order and is updated in
 * place. Exact, unlike fixed windows (2× burst at the boundary) or sliding-window estimates; the cost
 * is at most `limit` numbers per key, which the policy table keeps small.
 */
export function admit(log: number[], now: number, limit: number, windowMs: number): LimitDecision {
  const horizon = now - windowMs;
  let expired = 0;
  while (expired < log.length && (log[expired] as number) <= horizon) expired++;
  if (expired > 0) log.splice(0, expired);

  if (log.length < limit) {
    log.push(now);
    return {
      allowed: true,
      remaining: limit - log.length,
      resetSeconds: secondsUntil((log[0] as number) + windowMs, now),
      retryAfterSeconds: 0,
    };
  }
  // With a lowered limit the log can hold more than `limit`; admission resumes once enough expire.
  const freesAt = (log[log.length - limit] as number) + windowMs;
  const wait = Math.max(1, secondsUntil(freesAt, now));
  return { allowed: false, remaining: 0, resetSeconds: wait, retryAfterSeconds: wait };
}

function secondsUntil(at: number, now: number): number {
  return Math.max(0, Math.ceil((at - now) / 1000));
}
