import { describe, expect, it } from "vitest";
import { admit } from "./sliding-window.ts";

describe("admit (sliding-window log)", () => {
  it("admits up to the limit, then refuses with the wait until the oldest expires", () => {
    const log: number[] = [];
    expect(admit(log, 0, 3, 60_000)).toEqual({
      allowed: true,
      remaining: 2,
      resetSeconds: 60,
      retryAfterSeconds: 0,
    });
    expect(admit(log, 10_000, 3, 60_000).remaining).toBe(1);
    expect(admit(log, 20_000, 3, 60_000).remaining).toBe(0);
    expect(admit(log, 30_000, 3, 60_000)).toEqual({
      allowed: false,
      remaining: 0,
      resetSeconds: 30,
      retryAfterSeconds: 30,
    });
    expect(log).toEqual([0, 10_000, 20_000]);
  });

  it("slides: the first request leaves the window exactly windowMs later", () => {
    const log: number[] = [];
    for (const at of [0, 1, 2]) admit(log, at, 3, 1000);
    expect(admit(log, 999, 3, 1000).allowed).toBe(false);
    expect(admit(log, 1000, 3, 1000).allowed).toBe(true);
  });

  it("never admits more than the limit in any window, whatever the arrival pattern", () => {
    const log: number[] = [];
    const admitted: number[] = [];
    let now = 0;
    for (let index = 0; index < 5000; index++) {
      now += (index * 7919) % 37;
      if (admit(log, now, 10, 500).allowed) admitted.push(now);
    }
    for (let index = 10; index < admitted.length; index++) {
      expect((admitted[index] as number) - (admitted[index - 10] as number)).toBeGreaterThanOrEqual(500);
    }
  });

  it("refuses while a lowered limit is still exceeded", () => {
    const log = [0, 100, 200, 300];
    expect(admit(log, 400, 2, 1000)).toMatchObject({ allowed: false, retryAfterSeconds: 1 });
    expect(admit(log, 1100, 2, 1000).allowed).toBe(false);
    expect(admit(log, 1200, 2, 1000).allowed).toBe(true);
  });
});
