import { describe, expect, it } from "vitest";
import { createBatcher } from "./batcher.ts";

describe("batcher", () => {
  it("sends calls made while a batch is in flight together in the next batch, each getting its own result", async () => {
    const batches: number[][] = [];
    let release: () => void = () => undefined;
    const batcher = createBatcher<number, string>(
      async (items) => {
        batches.push(items);
        if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve));
        return items.map((i) => `r${i}`);
      },
      { maxInFlight: 1 },
    );
    const first = batcher.run(1);
    await Promise.resolve();
    const rest = [batcher.run(2), batcher.run(3), batcher.run(4)];
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(batches).toEqual([[1]]);
    release();
    expect(await Promise.all([first, ...rest])).toEqual(["r1", "r2", "r3", "r4"]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it("shares one batch between calls of the same tick and splits at the maximum size", async () => {
    const sizes: number[] = [];
    const batcher = createBatcher<number, number>(
      async (items) => {
        sizes.push(items.length);
        return items.map((i) => i * 2);
      },
      { maxInFlight: 1, maxBatch: 3 },
    );
    const results = await Promise.all([1, 2, 3, 4, 5].map((i) => batcher.run(i)));
    expect(results).toEqual([2, 4, 6, 8, 10]);
    expect(sizes).toEqual([3, 2]);
  });

  it("rejects every call of a failed batch and keeps serving later ones", async () => {
    let fail = true;
    const batcher = createBatcher<number, number>(async (items) => {
      if (fail) throw new Error("database down");
      return items;
    });
    const failed = await Promise.allSettled([batcher.run(1), batcher.run(2)]);
    expect(failed.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    fail = false;
    expect(await batcher.run(3)).toBe(3);
  });
});
