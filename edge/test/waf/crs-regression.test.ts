import { describe, expect, it } from "vitest";
import fixture from "../../../tests/fixtures/crs/crs-cases.json" with { type: "json" };
import { inspectRequest } from "../../src/waf/index.ts";
import { type CrsFixture, scoreCrs } from "./crs-score.ts";

// Targets from the WAF's acceptance criteria, met by every implemented family at paranoia level 1.
const ATTACK_TARGET = 0.95;
const BENIGN_TARGET = 0.99;

describe("OWASP CRS regression set at paranoia level 1", () => {
  const scores = scoreCrs(fixture as unknown as CrsFixture, 1, (request, paranoiaLevel) =>
    inspectRequest(request, { paranoiaLevel, routeId: "crs.regression" }),
  );

  it.each(scores.map((score) => [score.crs, score.family, score] as const))(
    "CRS %s (%s) meets its detection and false-positive bars",
    (_crs, _family, score) => {
      expect(score.detected / score.attacks).toBeGreaterThanOrEqual(ATTACK_TARGET);
      if (score.benign > 0) expect(score.benignPassed / score.benign).toBeGreaterThanOrEqual(BENIGN_TARGET);
    },
  );
});
