// The self-service rule for responsible-gaming limits: anything that protects the player more
// (a new limit, a lower one) applies at once; anything that protects less (a higher limit, or
// removing one) waits for the jurisdiction's cooling-off period. Pure, so it is tested alone.

export interface LimitSlot {
  current: bigint | null;
  pending: { value: bigint | null; effectiveAt: Date } | null;
}

export function applyLimitChange(
  slot: LimitSlot,
  requested: bigint | null,
  now: Date,
  cooldownHours: number,
): LimitSlot {
  const tighter = requested !== null && (slot.current === null || requested <= slot.current);
  if (tighter) return { current: requested, pending: null };
  if (requested === slot.current) return { current: slot.current, pending: null };
  if (cooldownHours <= 0) return { current: requested, pending: null };
  return {
    current: slot.current,
    pending: { value: requested, effectiveAt: new Date(now.getTime() + cooldownHours * 3_600_000) },
  };
}

/** The slot once a pending raise whose time has come is applied. */
export function promoteIfDue(slot: LimitSlot, now: Date): LimitSlot {
  if (slot.pending && slot.pending.effectiveAt <= now) return { current: slot.pending.value, pending: null };
  return slot;
}
