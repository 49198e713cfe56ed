import { describe, expect, it } from "vitest";
import { dueAtMs, operationsDue } from "../bench/open-loop.ts";

describe("bench:ledger open-loop schedule", () => {
  it("sends the first operation at the start, not one interval later", () => {
    expect(operationsDue(0, 100, 1_000)).toBe(1);
    expect(dueAtMs(0, 100)).toBe(0);
  });

  it("sends operation k once k / rate has passed", () => {
    // 100 ops/s: operation 1 is due at 10 ms, operation 2 at 20 ms.
    expect(operationsDue(9.9, 100, 1_000)).toBe(1);
    expect(operationsDue(10, 100, 1_000)).toBe(2);
    expect(operationsDue(19.9, 100, 1_000)).toBe(2);
    expect(dueAtMs(2, 100)).toBe(20);
  });

  it("never sends more than the step's total", () => {
    expect(operationsDue(60_000, 100, 1_000)).toBe(1_000);
    expect(operationsDue(-1, 100, 1_000)).toBe(0);
  });

  it("every operation is sent no earlier than it is due", () => {
    for (const rate of [50, 333, 2_500]) {
      for (let ms = 0; ms < 200; ms += 0.7) {
        const due = operationsDue(ms, rate, 10_000);
        expect(dueAtMs(due - 1, rate)).toBeLessThanOrEqual(ms + 1e-9);
        expect(dueAtMs(due, rate)).toBeGreaterThan(ms);
      }
    }
  });
});
