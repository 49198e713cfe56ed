import { DurableObject } from "cloudflare:workers";
import { admit, type LimitDecision } from "./sliding-window.ts";

const LOG_KEY = "log";

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
      this.log = (await ctx.storage.get<number[]>(LOG_KEY)) ?? [];
      this.alarmArmed = (await ctx.storage.getAlarm()) !== null;
    });
  }

  hit(policy: { limit: number; windowSeconds: number }): LimitDecision {
    const now = Date.now();
    this.windowMs = policy.windowSeconds * 1000;
    const decision = admit(this.log, now, policy.limit, this.windowMs);
    if (decision.allowed) {
      void this.ctx.storage.put(LOG_KEY, this.log);
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
    const windowMs = this.windowMs || 3600_000;
    if (newest !== undefined && Date.now() - newest <= windowMs) {
      await this.ctx.storage.setAlarm(newest + windowMs + 1000);
      return;
    }
    this.alarmArmed = false;
    this.log = [];
    await this.ctx.storage.deleteAll();
  }
}
