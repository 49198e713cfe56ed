import { describe, expect, it } from "vitest";
import { requestHash } from "./request-hash.ts";

describe("requestHash", () => {
  it("ignores key order and undefined fields", async () => {
    expect(await requestHash("bet", { a: "1", b: { c: 2, d: 3 } })).toBe(
      await requestHash("bet", { b: { d: 3, c: 2 }, a: "1", e: undefined }),
    );
  });
  it("differs by operation and by value", async () => {
    const base = await requestHash("bet", { a: "1" });
    expect(await requestHash("win", { a: "1" })).not.toBe(base);
    expect(await requestHash("bet", { a: "2" })).not.toBe(base);
  });
});

describe("requestHash of amounts", () => {
  it("hashes a bigint like its wire string", async () => {
    expect(await requestHash("bet", { amount: 125n })).toBe(await requestHash("bet", { amount: "125" }));
  });
});
