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

  constructor(ctx: DurableObjectState, env: unknown) {
    super(ctx, env);
    void ctx.blockConcurrencyWhile(async () => {
      this.log = (await ctx.storage.get<number[]>(LOG_KEY)) ?? [];
    });
  }

  hit(policy: { limit: number; windowSeconds: number }): LimitDecision {
    const now = Date.now();
    const windowMs = policy.windowSeconds * 1000;
    const decision = admit(this.log, now, policy.limit, windowMs);
    if (decision.allowed) {
      void this.ctx.storage.put(LOG_KEY, this.log);
      void this.ctx.storage.setAlarm(now + windowMs + 1000);
    }
    return decision;
  }

  // Every admitted hit re-arms the alarm for one window after itself, so when it fires the whole log has
  // expired and the key can go.
  async alarm(): Promise<void> {
    this.log = [];
    await this.ctx.storage.deleteAll();
  }
}
