// Background loop of the bridge: closes idle rounds and relays round events. Errors are logged
// and retried on the next tick; nothing here can lose an event (the rows stay unpublished).
import type { Logger } from "@croupier/core/log";
import type { Bus } from "@croupier/events/bus";
import type { Sql } from "postgres";
import { closeIdleRounds, relayRoundEvents } from "./round-events.ts";

export function startRoundWorker(deps: {
  sql: Sql;
  bus: Bus;
  region: string;
  log: Logger;
  timeoutMs: number;
  intervalMs: number;
  /** Most relay batches per tick, so a backlog is drained over several ticks, never in one long burst. */
  maxBatchesPerTick?: number;
  batch?: number;
}) {
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let lastIdleSweep = 0;
  const tickMs = Math.min(deps.intervalMs, 1_000);
  // Idle rounds need closing with a precision of a tenth of the timeout, not every tick.
  const idleSweepMs = Math.max(tickMs, Math.floor(deps.timeoutMs / 10));
  const tick = async () => {
    try {
      if (Date.now() - lastIdleSweep >= idleSweepMs) {
        lastIdleSweep = Date.now();
        await closeIdleRounds({ sql: deps.sql, timeoutMs: deps.timeoutMs });
      }
      const batch = deps.batch ?? 500;
      for (let i = 0; i < (deps.maxBatchesPerTick ?? 4) && !stopped; i++) {
        // A short batch means the backlog is drained.
        if ((await relayRoundEvents({ ...deps, batch })) < batch) break;
      }
    } catch (error) {
      deps.log.warn({ err: error }, "round worker tick failed; retrying on the next tick");
    }
  };
  let busy = false;
  const timer = setInterval(() => {
    // A slow tick (database or NATS under load) is not queued behind: the next one simply waits.
    if (busy) return;
    busy = true;
    running = tick().finally(() => {
      busy = false;
    });
  }, tickMs);
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
