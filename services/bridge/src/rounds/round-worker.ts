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
}) {
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const tick = async () => {
    try {
      await closeIdleRounds({ sql: deps.sql, timeoutMs: deps.timeoutMs });
      while (!stopped && (await relayRoundEvents(deps)) > 0) {
        // keep draining while there is a backlog
      }
    } catch (error) {
      deps.log.warn({ err: error }, "round worker tick failed; retrying on the next tick");
    }
  };
  const timer = setInterval(
    () => {
      running = running.then(tick);
    },
    Math.min(deps.intervalMs, 1_000),
  );
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
