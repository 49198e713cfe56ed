import { describe, expect, it } from "vitest";
import { QuietValues } from "./quiet-values.ts";

const planA = {};
const planB = {};

describe("QuietValues", () => {
  it("answers a value's code only for the plan it was remembered under", () => {
    const quiet = new QuietValues(8);
    quiet.set(planA, "EUR", -3);
    expect(quiet.get(planA, "EUR")).toBe(-3);
    expect(quiet.get(planB, "EUR")).toBeUndefined();
    quiet.set(planB, "EUR", -5);
    expect(quiet.get(planA, "EUR")).toBe(-3);
    expect(quiet.get(planB, "EUR")).toBe(-5);
  });

  it("keeps at most two generations, whatever number of new values arrives", () => {
    const quiet = new QuietValues(100);
    for (let index = 0; index < 10_000; index++) quiet.set(planA, `value-${index}`, -2);
    expect(quiet.size).toBeLessThanOrEqual(200);
    expect(quiet.get(planA, "value-9999")).toBe(-2);
    expect(quiet.get(planA, "value-0")).toBeUndefined();
  });

  it("carries a value still in use into the next generation", () => {
    const quiet = new QuietValues(10);
    quiet.set(planA, "user-agent", -4);
    for (let index = 0; index < 100; index++) {
      quiet.set(planA, `amount-${index}`, -2);
      expect(quiet.get(planA, "user-agent")).toBe(-4);
    }
  });

  it("bounds the plans remembered per value", () => {
    const quiet = new QuietValues(10);
    const plans = Array.from({ length: 20 }, () => ({}));
    for (const plan of plans) quiet.set(plan, "application/json", -2);
    const remembered = plans.filter((plan) => quiet.get(plan, "application/json") !== undefined);
    expect(remembered.length).toBeGreaterThan(0);
    expect(remembered.length).toBeLessThanOrEqual(4);
    expect(quiet.get(plans[19] as object, "application/json")).toBe(-2);
  });
});
