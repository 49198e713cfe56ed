// Periodic housekeeping: fold house legs into house balances, release expired withdrawal holds,
// and delete idempotency records past their retention. Each job is safe to run in several
// replicas at once (they only delete/fold what they see, under row locks).
import type { Logger } from "@croupier/core/log";
import type { Sql } from "postgres";

export interface BackgroundJobsOptions {
  sql: Sql;
  log: Logger;
  region: string;
  idempotencyRetentionDays: number;
  intervalMs?: number;
}

export function startBackgroundJobs(options: BackgroundJobsOptions) {
  const timers: ReturnType<typeof setInterval>[] = [];
  const running = new Set<Promise<unknown>>();
  const every = (name: string, ms: number, job: () => Promise<unknown>) => {
    let busy = false;
    timers.push(
      setInterval(() => {
        if (busy) return;
        busy = true;
        const run = job()
          .catch((error) => options.log.warn({ err: error, job: name }, "background job failed; will retry"))
          .finally(() => {
            busy = false;
            running.delete(run);
          });
        running.add(run);
      }, ms),
    );
  };
  const interval = options.intervalMs ?? 1_000;
  every("house-roll-up", interval, () => options.sql`select ledger_roll_up_house()`);
  every(
    "hold-expiry",
    interval,
    () => options.sql`select ledger_release_expired_holds(${options.region}, 500)`,
  );
  every("idempotency-retention", 3_600_000, async () => {
    const keep = `${options.idempotencyRetentionDays} days`;
    for (;;) {
      const [row] = await options.sql<
        { n: number }[]
      >`select ledger_purge_idempotency(${keep}::interval, 10000) as n`;
      if (!row || row.n < 10_000) return;
    }
  });
  return {
    async stop() {
      for (const timer of timers) clearInterval(timer);
      await Promise.all(running);
    },
  };
}
