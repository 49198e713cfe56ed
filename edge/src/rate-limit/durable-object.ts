import { DurableObject } from "cloudflare:workers";
import { admit, type LimitDecision } from "./sliding-window.ts";

const STATE_KEY = "state";

type StoredState = { log: number[]; windowMs: number };

/**
 * One instance per rate-limit key (`<policy>:<dimension>:<value>`). A Durable Object runs one event at
 * a time, and `hit` decides without awaiting, so concurrent requests for a key are serialised and the
 * count is exact. The log is persisted (the output gate holds the answer until it is durable), so an
 * eviction or restart does not hand out a fresh budget; an alarm deletes the key once its window is empty.
 */
export class RateLimiter extends DurableObject {
  private log: number[] = [];
  private windowMs = 0;
  private alarmArmed = false;

  constructor(ctx: DurableObjectState, env: unknown) {
    super(ctx, env);
    void ctx.blockConcurrencyWhile(async () => {
      const stored = await ctx.storage.get<StoredState>(STATE_KEY);
      this.log = stored?.log ?? [];
      this.windowMs = stored?.windowMs ?? 0;
      this.alarmArmed = (await ctx.storage.getAlarm()) !== null;
    });
  }

  hit(policy: { limit: number; windowSeconds: number }): LimitDecision {
    const now = Date.now();
    this.windowMs = policy.windowSeconds * 1000;
    const decision = admit(this.log, now, policy.limit, this.windowMs);
    if (decision.allowed) {
      void this.ctx.storage.put(STATE_KEY, { log: this.log, windowMs: this.windowMs } satisfies StoredState);
      // One pending alarm per busy period, not a storage write per hit.
      if (!this.alarmArmed) {
        this.alarmArmed = true;
        void this.ctx.storage.setAlarm(now + this.windowMs + 1000);
      }
    }
    return decision;
  }

  /** Drops the key once its whole log has left the window; while it is busy, looks again later. */
  async alarm(): Promise<void> {
    const newest = this.log.at(-1);
    if (newest !== undefined && Date.now() - newest <= this.windowMs) {
      await this.ctx.storage.setAlarm(newest + this.windowMs + 1000);
      return;
    }
    this.alarmArmed = false;
    this.log = [];
    await this.ctx.storage.deleteAll();
  }
}
