import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canMatchWithin } from "./regex-alphabet.ts";
import { isPlainValue, plannerFor } from "./rule-plan.ts";
import { VALUE_RULES } from "./rules/index.ts";
import { ValueViews } from "./transform/pipelines.ts";

const PLAIN = [..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.:-"];

describe("canMatchWithin", () => {
  it.each([
    [/<script/i, false],
    [/%00|%0a/, false],
    [/\$\{[^}]{0,200}\}/, false],
    [/(?:^|[;&|])\s*whoami\b/, true],
    [/\bwhoami\b/, true],
    [/(?:^|\/)\.{2,}(?:\/|$)/, true],
    [/[^<>]+/, true],
    [/(a)\1/, true],
    [/x(?=<)/, true],
    [/(?:<|%3c)?/i, true],
    [/ENGINE\s*=/i, false],
    [/\bengine\s*(?:=|$)/, true],
  ])("%s → %s", (pattern, expected) => {
    expect(canMatchWithin(pattern, PLAIN)).toBe(expected);
  });
});

describe("rules skipped for plain values", () => {
  const skipped = VALUE_RULES.filter((rule) => {
    const plan = plannerFor([rule], 4).forTarget("body-value", "");
    return plan.rules.length === 1 && plan.skipWhenPlain[0] === true;
  });

  it("cover most expression rules", () => {
    expect(skipped.length).toBeGreaterThan(40);
  });

  it("never match a plain value through their pipeline", () => {
    const plainValue = fc.string({ unit: fc.constantFrom(...PLAIN), maxLength: 80 });
    fc.assert(
      fc.property(plainValue, (value) => {
        expect(isPlainValue(value)).toBe(true);
        const views = new ValueViews(value);
        for (const rule of skipped) {
          const target = { kind: "body-value" as const, name: "body.x", value };
          expect(rule.test(views.view(rule.pipeline), target)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("does not take values the pipelines would change for plain", () => {
    for (const value of ["a b", "a%20b", "a&amp;b", "a\\u0041", "a/b", "a#b", "a+b", "é", "a\u0000"])
      expect(isPlainValue(value)).toBe(false);
  });
});
