import { describe, expect, it } from "vitest";
import { DenyCache } from "./deny-cache.ts";

describe("DenyCache", () => {
  it("refuses a remembered key until its retry moment, then forgets it", () => {
    const cache = new DenyCache();
    cache.remember("k", 1_000, 30);
    expect(cache.retryAfterSeconds("k", 1_000)).toBe(30);
    expect(cache.retryAfterSeconds("k", 30_500)).toBe(1);
    expect(cache.retryAfterSeconds("k", 31_000)).toBe(0);
    expect(cache.retryAfterSeconds("other", 1_000)).toBe(0);
  });

  it("stays bounded, dropping expired entries first and then the oldest", () => {
    const cache = new DenyCache(3);
    cache.remember("a", 0, 1);
    cache.remember("b", 0, 100);
    cache.remember("c", 0, 100);
    cache.remember("d", 5_000, 100); // "a" has expired and goes first
    expect(cache.retryAfterSeconds("b", 5_000)).toBeGreaterThan(0);
    cache.remember("e", 5_000, 100); // all live: the oldest ("b") goes
    expect(cache.retryAfterSeconds("b", 5_000)).toBe(0);
    expect(cache.retryAfterSeconds("e", 5_000)).toBe(100);
  });
});
