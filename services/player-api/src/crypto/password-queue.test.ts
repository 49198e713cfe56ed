import { AppError } from "@croupier/core/problem";
import { describe, expect, it } from "vitest";
import { PasswordQueue } from "./password-queue.ts";

/** Work that blocks the event loop for `ms`, as a hash does. */
const blockingWork = (ms: number, log: number[], id: number) => async () => {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // busy, like argon2id in WebAssembly
  }
  log.push(id);
  return id;
};

describe("PasswordQueue", () => {
  it("runs work one at a time, in arrival order", async () => {
    const queue = new PasswordQueue(10);
    const order: number[] = [];
    const results = await Promise.all([1, 2, 3, 4].map((id) => queue.run(blockingWork(5, order, id))));
    expect(results).toEqual([1, 2, 3, 4]);
    expect(order).toEqual([1, 2, 3, 4]);
  });

  it("refuses at once with 503 busy and Retry-After when the queue is full, and recovers", async () => {
    const queue = new PasswordQueue(2);
    const order: number[] = [];
    const settled = await Promise.allSettled(
      Array.from({ length: 10 }, (_, id) => queue.run(blockingWork(5, order, id))),
    );
    const done = settled.filter((s) => s.status === "fulfilled");
    const refused = settled.flatMap((s) => (s.status === "rejected" ? [s.reason] : []));
    expect(done).toHaveLength(3);
    expect(refused).toHaveLength(7);
    for (const error of refused) {
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ status: 503, code: "busy", headers: { "retry-after": "2" } });
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await queue.run(blockingWork(1, order, 99))).toBe(99);
    expect(queue.length).toBe(0);
  });

  it("lets other work through between two pieces", async () => {
    const queue = new PasswordQueue(10);
    const order: number[] = [];
    const first = queue.run(blockingWork(10, order, 1));
    const second = queue.run(blockingWork(10, order, 2));
    const timer = new Promise<void>((resolve) => setTimeout(() => resolve(void order.push(0)), 0));
    await Promise.all([first, second, timer]);
    expect(order).toEqual([1, 0, 2]);
  });
});
