// Micro-batching: operations that arrive within a short window run as one transaction (one
// round trip of pipelined calls, one commit, one WAL flush) instead of one each. Calls are issued
// in account order, so two batches always take their row locks in the same order and cannot
// deadlock. A refusal is an answer, not an error, so it never spoils the batch; if anything does
// fail, the whole batch rolls back and every operation in it runs again on its own.
import type { Sql } from "postgres";

export class BatchAborted extends Error {
  override name = "BatchAborted";
}

interface Pending {
  key: string;
  build: (sql: Sql) => PromiseLike<unknown>;
  resolve: (rows: unknown) => void;
  reject: (error: unknown) => void;
}

export interface OperationBatcher {
  submit(key: string, build: (sql: Sql) => PromiseLike<unknown>): Promise<unknown>;
}

export function createOperationBatcher(options: {
  sql: Sql;
  windowMs: number;
  maxBatch: number;
}): OperationBatcher {
  let queue: Pending[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function flush() {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const items = queue;
    queue = [];
    if (items.length === 0) return;
    items.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    try {
      const results =
        items.length === 1 && items[0]
          ? [await items[0].build(options.sql)]
          : await options.sql.begin((tx) =>
              Promise.all(items.map((item) => item.build(tx as unknown as Sql))),
            );
      items.forEach((item, i) => {
        item.resolve(results[i]);
      });
    } catch {
      for (const item of items) item.reject(new BatchAborted());
    }
  }

  return {
    submit(key, build) {
      return new Promise((resolve, reject) => {
        queue.push({ key, build, resolve, reject });
        if (queue.length >= options.maxBatch) void flush();
        else if (!timer) timer = setTimeout(() => void flush(), options.windowMs);
      });
    },
  };
}
