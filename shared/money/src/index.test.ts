import { describe, expect, it } from "vitest";
import { formatDecimal, MoneyError, parseDecimal, parseUnits, rescale } from "./index.ts";

describe("money", () => {
  it("parses whole-unit wire amounts and refuses anything else", () => {
    expect(parseUnits("125000")).toBe(125000n);
    for (const bad of ["1.5", "-1", "01", "", "1e5", " 1", "abc"]) {
      expect(() => parseUnits(bad)).toThrow(MoneyError);
    }
    expect(parseUnits("-5", { allowNegative: true })).toBe(-5n);
  });

  it("rescales exactly or refuses", () => {
    expect(rescale(123n, 2, 5)).toBe(123000n);
    expect(rescale(123000n, 5, 2)).toBe(123n);
    expect(() => rescale(123001n, 5, 2)).toThrow(/not exact/);
  });

  it("round-trips human decimals at the currency scale", () => {
    expect(parseDecimal("1250", "EUR")).toBe(125000000n);
    expect(parseDecimal("0.00001", "EUR")).toBe(1n);
    expect(formatDecimal(125000000n, "EUR")).toBe("1250.00000");
    expect(formatDecimal(-1n, "EUR")).toBe("-0.00001");
    expect(() => parseDecimal("0.000001", "EUR")).toThrow(/decimals/);
  });
});
