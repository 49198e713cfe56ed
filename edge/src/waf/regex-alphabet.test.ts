import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canMatchWithin } from "./regex-alphabet.ts";
import { plannerFor } from "./rule-plan.ts";
import { VALUE_RULES } from "./rules/index.ts";
import { ValueViews } from "./transform/pipelines.ts";
import { alphabetOf, VALUE_ALPHABETS } from "./transform/plain-value.ts";

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
  const planOf = (rule: (typeof VALUE_RULES)[number]) => plannerFor([rule], 4).forTarget("body-value", "");
  /** Whether the engine leaves `rule` out for a body value of `alphabet`. */
  const skippedWithin = (rule: (typeof VALUE_RULES)[number], alphabet: number) => {
    const plan = planOf(rule);
    return plan.rules.length === 1 && plan.runWithin[alphabet]?.length === 0;
  };

  it("cover most expression rules, and more for narrower alphabets", () => {
    const counts = VALUE_ALPHABETS.map(
      (_, alphabet) => VALUE_RULES.filter((rule) => skippedWithin(rule, alphabet)).length,
    );
    expect(counts[2]).toBeGreaterThan(40);
    expect(counts[3]).toBeGreaterThan(25);
    expect(counts[0]).toBeGreaterThanOrEqual(counts[2] ?? 0);
    expect(counts[1]).toBeGreaterThanOrEqual(counts[2] ?? 0);
    expect(counts[2]).toBeGreaterThanOrEqual(counts[3] ?? 0);
  });

  it.each(VALUE_ALPHABETS.map((alphabet, index) => [index, alphabet] as const))(
    "never match a value of alphabet %i through their pipeline",
    (index, alphabet) => {
      const skipped = VALUE_RULES.filter((rule) => skippedWithin(rule, index));
      const value = fc.string({ unit: fc.constantFrom(...alphabet.characters), maxLength: 80 });
      fc.assert(
        fc.property(value, (text) => {
          expect(alphabetOf(text)).toBeGreaterThanOrEqual(0);
          expect(alphabetOf(text)).toBeLessThanOrEqual(index);
          const views = new ValueViews(text, alphabet);
          const plainViews = new ValueViews(text);
          for (const name of ["raw", "decoded", "lower", "compact", "path", "code"] as const) {
            expect(views.view(name)).toBe(plainViews.view(name));
            // Views stay inside the alphabet, which is what the proofs are about.
            for (const ch of plainViews.view(name)) expect(alphabet.characters).toContain(ch);
          }
          for (const rule of skipped) {
            const target = { kind: "body-value" as const, name: "body.x", value: text };
            expect(rule.test(plainViews.view(rule.pipeline), target)).toBe(false);
          }
        }),
        { numRuns: 200 },
      );
    },
  );

  it("does not take values the pipelines would change", () => {
    for (const value of ["a%20b", "a&amp;b", "a\\u0041", "a*b", "a#b", "a+b", "é", "a\u0000", "a\tb"])
      expect(alphabetOf(value)).toBe(-1);
    expect(alphabetOf("a b")).toBe(3);
    expect(alphabetOf("a/b (c; d)")).toBe(3);
    expect(alphabetOf("ply_01J9-x")).toBe(1);
    expect(alphabetOf("2026-12-01T00:00:00.000Z")).toBe(0);
    expect(alphabetOf("v1.2:beta")).toBe(2);
  });
});
