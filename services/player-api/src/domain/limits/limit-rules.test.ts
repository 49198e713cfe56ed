import { describe, expect, it } from "vitest";
import { applyLimitChange, promoteIfDue } from "./limit-rules.ts";

const now = new Date("2026-01-01T00:00:00Z");
const later = (hours: number) => new Date(now.getTime() + hours * 3_600_000);

describe("limit changes", () => {
  it("applies a first limit at once", () => {
    expect(applyLimitChange({ current: null, pending: null }, 100n, now, 24)).toEqual({
      current: 100n,
      pending: null,
    });
  });

  it("applies a lower limit at once and drops a pending raise", () => {
    const slot = { current: 100n, pending: { value: 500n, effectiveAt: later(10) } };
    expect(applyLimitChange(slot, 50n, now, 24)).toEqual({ current: 50n, pending: null });
  });

  it("delays a raise by the cooling-off period", () => {
    expect(applyLimitChange({ current: 100n, pending: null }, 200n, now, 24)).toEqual({
      current: 100n,
      pending: { value: 200n, effectiveAt: later(24) },
    });
  });

  it("treats removing a limit as a raise", () => {
    expect(applyLimitChange({ current: 100n, pending: null }, null, now, 72)).toEqual({
      current: 100n,
      pending: { value: null, effectiveAt: later(72) },
    });
  });

  it("cancels a pending raise when the current value is asked for again", () => {
    const slot = { current: 100n, pending: { value: 500n, effectiveAt: later(10) } };
    expect(applyLimitChange(slot, 100n, now, 24)).toEqual({ current: 100n, pending: null });
  });

  it("promotes a raise only once its time has come", () => {
    const slot = { current: 100n, pending: { value: 200n, effectiveAt: later(24) } };
    expect(promoteIfDue(slot, later(23))).toEqual(slot);
    expect(promoteIfDue(slot, later(24))).toEqual({ current: 200n, pending: null });
  });
});
