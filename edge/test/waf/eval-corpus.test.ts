import { describe, expect, it } from "vitest";
import corpus from "../../../tests/fixtures/waf-eval/eval-corpus.json" with { type: "json" };
import { scoreEval } from "./eval/score-eval.ts";

// The independent corpus (public payload collections, benign traffic written apart from the rules)
// stands in for the outside held-out set: its bars are the acceptance bars at paranoia level 1.
describe("independent evaluation corpus at paranoia level 1", () => {
  const score = scoreEval(corpus);

  it("blocks at most 0.5 % of benign requests", () => {
    const blocked = score.falsePositives.map(({ item, result }) => ({
      request: `${item.label}/${item.placement}`,
      rules: result.matches.map((match) => match.ruleId),
    }));
    expect(score.benignBlockRate, JSON.stringify(blocked)).toBeLessThanOrEqual(0.005);
  });

  it("reaches 90 % balanced accuracy", () => {
    expect(score.balancedAccuracy).toBeGreaterThanOrEqual(0.9);
  });

  it("blocks at least 75 % of every attack class", () => {
    const weak = score.attackClasses.filter(({ total, blocked }) => blocked / total < 0.75);
    expect(weak).toEqual([]);
  });
});
