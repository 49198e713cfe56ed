import { describe, expect, it } from "vitest";
import { allWafRegexes } from "./regex-inventory.ts";
import { findNestedUnboundedQuantifiers } from "./regex-safety.ts";

const LONG = 50_000;
const SHORT = 8_000;

/** Characters a regex cares about: its literals plus representatives of its classes. */
function interestingCharacters(source: string): string[] {
  const chars = new Set<string>([
    "a",
    "A",
    "1",
    " ",
    "/",
    ".",
    "'",
    '"',
    "<",
    "=",
    "(",
    "%",
    "$",
    "\\",
    "\n",
    "-",
    "_",
  ]);
  for (let i = 0; i < source.length; i++) {
    const ch = source[i] as string;
    if (ch === "\\") {
      const next = source[i + 1] ?? "";
      if (next === "w") chars.add("z");
      else if (next === "d") chars.add("7");
      else if (next === "s") chars.add("\t");
      else if (!/[bBnrtfvux0-9]/.test(next)) chars.add(next);
      i++;
      continue;
    }
    if (!"()[]{}|?*+^$".includes(ch)) chars.add(ch);
  }
  return [...chars].slice(0, 48);
}

function adversarialInputs(source: string): string[] {
  const chars = interestingCharacters(source);
  const cycle = chars.join("");
  const inputs = [
    cycle.repeat(Math.ceil(LONG / cycle.length)).slice(0, LONG),
    `${"a".repeat(LONG)}!`,
    `${" ".repeat(LONG)}x`,
  ];
  for (const ch of chars) inputs.push(ch.repeat(SHORT), `${ch.repeat(SHORT)}\u0000`);
  // Near-misses: the regex's own text repeated, which walks deep into its alternatives.
  const literal = source.replace(/[\\()[\]{}|?*+^$]/g, "");
  if (literal.length > 0) inputs.push(literal.repeat(Math.ceil(SHORT / literal.length)).slice(0, SHORT * 2));
  return inputs;
}

describe("WAF regular expressions", () => {
  const regexes = allWafRegexes();

  it("are all registered (the inventory is not empty)", () => {
    expect(regexes.length).toBeGreaterThan(60);
  });

  it("have no unbounded quantifier nested inside another unbounded quantifier", () => {
    const offenders = regexes
      .filter(({ pattern }) => findNestedUnboundedQuantifiers(pattern.source).length > 0)
      .map(({ owner, pattern }) => `${owner}: ${pattern.source.slice(0, 80)}`);
    expect(offenders).toEqual([]);
  });

  it("finish on long adversarial inputs built from their own character classes", () => {
    // A catastrophic pattern would not return here; linear ones finish in milliseconds.
    let evaluated = 0;
    for (const { pattern } of regexes) {
      for (const input of adversarialInputs(pattern.source)) {
        pattern.lastIndex = 0;
        pattern.test(input);
        pattern.lastIndex = 0;
        evaluated++;
      }
    }
    expect(evaluated).toBeGreaterThan(regexes.length * 3);
  }, 120_000);

  it("detects the nested-quantifier shape the guard exists for", () => {
    expect(findNestedUnboundedQuantifiers("(a+)+$")).not.toEqual([]);
    expect(findNestedUnboundedQuantifiers("(?:\\s*x)*")).not.toEqual([]);
    expect(findNestedUnboundedQuantifiers("(?:ab|c){2,}")).toEqual([]);
    expect(findNestedUnboundedQuantifiers("(?:[a+]b){0,5}")).toEqual([]);
    expect(findNestedUnboundedQuantifiers("[(]+x")).toEqual([]);
  });
});
