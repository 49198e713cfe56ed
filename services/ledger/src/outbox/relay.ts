// Relays the transactional outbox to JetStream: at least once, in commit order per account,
// resuming after crashes and NATS outages with nothing lost.
//
// Rows are deleted once JetStream acknowledged them, so the relay needs no "last published id"
// watermark (ids are assigned before commit, so a watermark could skip a row that commits late):
// whatever is still in the table is still to publish. Per account, a later transaction takes the
// account lock only after the earlier one committed, so its outbox id is larger and any snapshot
// that sees it also sees the earlier one; publishing each account's rows in id order, and stopping
// an account at its first failure, keeps commit order per account. A crash between the publish
// and the delete republishes with the same Nats-Msg-Id, which JetStream drops as a duplicate
// (and consumers deduplicate by event id anyway). Events are published as JSON text, never parsed
// and re-serialised here (outbox-events.ts builds them).
import type { Logger } from "@croupier/core/log";
import { type Bus, publishSerialized } from "@croupier/events/bus";
import type { ReservedSql, Sql } from "postgres";
import { type OutboxEvent, readOutboxEvents } from "./outbox-events.ts";

export interface OutboxRelayOptions {
  sql: Sql;
  bus: Bus;
  log: Logger;
  batchSize?: number;
  idleMs?: number;
  /** Called after each published batch (metrics, tests). */
  onPublished?: (count: number) => void;
}

/** One relay per database publishes; the others wait on this advisory lock. */
const RELAY_LOCK = 7_424_100;

export function startOutboxRelay(options: OutboxRelayOptions) {
  const batchSize = options.batchSize ?? 500;
  const idleMs = options.idleMs ?? 25;
  let stopped = false;
  let lockConnection: ReservedSql | undefined;
  let wake: (() => void) | undefined;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  async function holdLock(): Promise<boolean> {
    if (lockConnection) return true;
    const connection = await options.sql.reserve();
    const [row] = await connection<
      { locked: boolean }[]
    >`select pg_try_advisory_lock(${RELAY_LOCK}) as locked`;
    if (row?.locked) {
      lockConnection = connection;
      options.log.info("outbox relay: this process publishes the outbox");
      return true;
    }
    connection.release();
    return false;
  }

  async function releaseLock() {
    const connection = lockConnection;
    lockConnection = undefined;
    if (!connection) return;
    await connection`select pg_advisory_unlock(${RELAY_LOCK})`.catch(() => undefined);
    connection.release();
  }

  /** Publishes one batch; returns how many rows it handled and whether any publish failed. */
  async function relayBatch(): Promise<{ published: number; failed: boolean; full: boolean }> {
    const rows = await readOutboxEvents(options.sql, batchSize);
    if (rows.length === 0) return { published: 0, failed: false, full: false };
    const perAccount = new Map<string, OutboxEvent[]>();
    for (const row of rows) {
      const key = String(row.accountId);
      const list = perAccount.get(key);
      if (list) list.push(row);
      else perAccount.set(key, [row]);
    }
    const acked: string[] = [];
    let failed = false;
    await Promise.all(
      [...perAccount.values()].map(async (accountRows) => {
        for (const row of accountRows) {
          try {
            await publishSerialized(options.bus, row.subject, {
              id: row.eventId,
              json: row.json,
              traceparent: row.traceparent,
            });
            acked.push(String(row.id));
          } catch (error) {
            if (!failed) options.log.warn({ err: error }, "outbox relay: publish failed; will retry");
            failed = true;
            return; // later rows of this account wait, so its order holds
          }
        }
      }),
    );
    if (acked.length > 0) await options.sql`delete from outbox where id = any(${acked}::bigint[])`;
    options.onPublished?.(acked.length);
    return { published: acked.length, failed, full: rows.length === batchSize };
  }

  const done = (async () => {
    let backoff = 250;
    while (!stopped) {
      try {
        if (!(await holdLock())) {
          await sleep(1_000);
          continue;
        }
        const result = await relayBatch();
        if (result.failed) {
          await sleep(backoff);
          backoff = Math.min(backoff * 2, 5_000);
          continue;
        }
        backoff = 250;
        if (!result.full) await sleep(idleMs);
      } catch (error) {
        if (stopped) break;
        options.log.warn({ err: error }, "outbox relay: database error; will retry");
        await releaseLock().catch(() => undefined);
        await sleep(1_000);
      }
    }
    await releaseLock();
  })();

  return {
    async stop() {
      stopped = true;
      wake?.();
      await done;
    },
  };
}
