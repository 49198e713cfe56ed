import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canMatchWithin, charSetOf, minimumMatchLength } from "./regex-alphabet.ts";
import { plannerFor, runWithMask, SHORT_VALUE_LENGTH } from "./rule-plan.ts";
import { VALUE_RULES } from "./rules/index.ts";
import { ValueViews } from "./transform/pipelines.ts";
import {
  alphabetOf,
  INERT_VALUE,
  inertAlphabetOf,
  inertMaskOf,
  VALUE_ALPHABETS,
} from "./transform/plain-value.ts";

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
    expect(canMatchWithin(pattern, charSetOf(PLAIN))).toBe(expected);
  });

  it("reads the alphabet it is given, not a fixed one", () => {
    const prose = inertAlphabetOf(inertMaskOf("Reviewed, then chose; weekly."));
    expect(canMatchWithin(/\bexec\s*\(/, prose)).toBe(false);
    expect(canMatchWithin(/\bexec\s*\(/, [...prose, "("])).toBe(true);
    expect(canMatchWithin(/;\s*whoami\b/, prose)).toBe(true);
    expect(canMatchWithin(/<script|javascript:/i, prose)).toBe(false);
    expect(canMatchWithin(/<script|javascript:/i, [...prose, ":"])).toBe(true);
  });
});

describe("minimumMatchLength", () => {
  it.each([
    [/abc/, 3],
    [/a|bc/, 1],
    [/a{3}b?/, 3],
    [/(?:ab)+c*/, 2],
    [/\bx\s*=/, 2],
    [/[ab]{2,}/, 2],
    [/(?=abc)d/, 1],
    [/^\x41\u0042$/, 2],
    [/a(b)\1/, 0],
    [/(?:java|vb)script:/i, 9],
  ])("%s → %i", (pattern, expected) => {
    expect(minimumMatchLength(pattern)).toBe(expected);
  });
});

describe("inertMaskOf", () => {
  it("records the punctuation a value uses and refuses what a pipeline would change", () => {
    expect(inertMaskOf("abc 123")).toBe(inertMaskOf("x y"));
    expect(inertMaskOf("plain")).toBe(0);
    expect(inertMaskOf("a=b; c")).not.toBe(inertMaskOf("a b; c"));
    for (const value of ["a%20b", "a&amp;b", "a\\u0041", "a*b", "a#b", "a+b", "é", "a\u0000", "a\tb", "a\nb"])
      expect(inertMaskOf(value)).toBe(-1);
    expect(inertAlphabetOf(inertMaskOf("en-GB,en;q=0.9"))).toEqual(
      expect.arrayContaining(["-", ",", ";", "=", "."]),
    );
    expect(inertAlphabetOf(inertMaskOf("en-GB,en;q=0.9"))).not.toContain("(");
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

  it("never match a value through their pipeline when its own punctuation rules them out", () => {
    const punctuation = [...INERT_VALUE.characters].filter((ch) => !/[a-z0-9]/i.test(ch));
    const value = fc
      .subarray(punctuation, { minLength: 1, maxLength: 6 })
      .chain((used) => fc.string({ unit: fc.constantFrom(...used, ..."aZ9 xSelectOr1"), maxLength: 80 }));
    const plans = (["body-value", "query-value", "cookie-value"] as const).map((kind) =>
      plannerFor(VALUE_RULES, 4).forTarget(kind, ""),
    );
    fc.assert(
      fc.property(value, (text) => {
        const mask = inertMaskOf(text);
        expect(mask).toBeGreaterThanOrEqual(0);
        const views = new ValueViews(text, INERT_VALUE);
        const plainViews = new ValueViews(text);
        for (const name of ["raw", "decoded", "lower", "compact", "path", "code"] as const) {
          expect(views.view(name)).toBe(plainViews.view(name));
          for (const ch of plainViews.view(name)) expect(inertAlphabetOf(mask)).toContain(ch.toLowerCase());
        }
        for (const plan of plans) {
          const run = new Set(runWithMask(plan, mask) ?? plan.runAll);
          plan.rules.forEach((rule, index) => {
            if (run.has(index)) return;
            const target = { kind: "body-value" as const, name: "body.x", value: text };
            expect(rule.test(plainViews.view(rule.pipeline), target)).toBe(false);
          });
        }
      }),
      { numRuns: 300 },
    );
  });

  it("never match a short value that their shortest match is longer than", () => {
    const plan = plannerFor(VALUE_RULES, 4).forTarget("body-value", "");
    const narrow = VALUE_ALPHABETS.flatMap((alphabet, index) => (alphabet.identityViews ? [index] : []));
    expect(narrow.length).toBe(3);
    const value = fc.constantFrom(...narrow).chain((index) =>
      fc.tuple(
        fc.constant(index),
        fc.string({
          unit: fc.constantFrom(...(VALUE_ALPHABETS[index] as (typeof VALUE_ALPHABETS)[number]).characters),
          maxLength: SHORT_VALUE_LENGTH - 1,
        }),
      ),
    );
    fc.assert(
      fc.property(value, ([index, text]) => {
        const narrowest = alphabetOf(text);
        const run = new Set(plan.runShort[narrowest]?.[text.length] ?? plan.runAll);
        const views = new ValueViews(text);
        plan.rules.forEach((rule, ruleIndex) => {
          if (run.has(ruleIndex)) return;
          const target = { kind: "body-value" as const, name: "body.x", value: text };
          expect(rule.test(views.view(rule.pipeline), target)).toBe(false);
        });
        expect(narrowest).toBeLessThanOrEqual(index);
      }),
      { numRuns: 500 },
    );
    // Something is left out for short words, or the lists would be pointless.
    expect(plan.runShort[1]?.[4]?.length).toBeLessThan(plan.runWithin[1]?.length ?? 0);
  });
});
