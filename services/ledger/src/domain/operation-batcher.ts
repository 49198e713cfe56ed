// Micro-batching: operations that arrive within a short window run as one statement
// (`ledger_batch`: one round trip, one transaction, one WAL flush) instead of one each. Calls are
// ordered by account, so two batches always take their row locks in the same order and cannot
// deadlock. A refusal is an answer, not an error, so it never spoils the batch; if anything does
// fail, the whole batch rolls back and every operation in it runs again on its own.
import type { Sql } from "postgres";
import { type LedgerCall, runBatch, runCall } from "./ledger-call.ts";

export class BatchAborted extends Error {
  override name = "BatchAborted";
}

interface Pending {
  key: string;
  call: LedgerCall;
  resolve: (answer: unknown) => void;
  reject: (error: unknown) => void;
}

export interface OperationBatcher {
  /** Resolves to the function's jsonb answer once the batch holding it has committed. */
  submit(key: string, call: LedgerCall): Promise<unknown>;
}

export function createOperationBatcher(options: {
  sql: Sql;
  windowMs: number;
  maxBatch: number;
  /** Batches running at once; operations arriving while all are busy wait and join the next one. */
  maxInFlight: number;
  /** Told the size of every batch sent (the wallet_batch_operations metric). */
  onBatch?: (operations: number) => void;
}): OperationBatcher {
  const queue: Pending[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight = 0;

  function flush() {
    if (timer) clearTimeout(timer);
    timer = undefined;
    // All batches busy: the queue grows into the next batch, sent as soon as one finishes.
    while (inFlight < options.maxInFlight && queue.length > 0) {
      inFlight++;
      const items = queue.splice(0, options.maxBatch);
      options.onBatch?.(items.length);
      void runItems(items).finally(() => {
        inFlight--;
        // Only a queue whose window has ended leaves now; one still inside its window waits for
        // it, so a freed slot does not cut short the batch that is gathering.
        if (queue.length > 0 && !timer) flush();
      });
    }
  }

  async function runItems(items: Pending[]) {
    items.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    try {
      const answers =
        items.length === 1 && items[0]
          ? [(await runCall(options.sql, items[0].call))[0]?.r]
          : await runBatch(
              options.sql,
              items.map((item) => item.call),
            );
      items.forEach((item, i) => {
        item.resolve(answers[i]);
      });
    } catch {
      for (const item of items) item.reject(new BatchAborted());
    }
  }

  return {
    submit(key, call) {
      return new Promise((resolve, reject) => {
        queue.push({ key, call, resolve, reject });
        if (queue.length >= options.maxBatch) flush();
        // The window starts with the queue: an operation joining a queue whose window has already
        // ended (all batches were busy) leaves with it at the next free slot.
        else if (queue.length === 1) timer = setTimeout(flush, options.windowMs);
      });
    },
  };
}
