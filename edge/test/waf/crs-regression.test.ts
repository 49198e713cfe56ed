import { describe, expect, it } from "vitest";
import fixture from "../../../tests/fixtures/crs/crs-cases.json" with { type: "json" };
import { inspectRequest } from "../../src/waf/index.ts";
import { type CrsFixture, scoreCrs } from "./crs-score.ts";

// Targets from the WAF's acceptance criteria, per implemented family at paranoia level 1.
const ATTACK_TARGET = 0.95;
const BENIGN_TARGET = 0.99;

/**
 * Families still below a target are held at their current level so they can only improve; each
 * entry is [attack detection, benign pass] floor. Raise a floor whenever the scorer shows progress
 * and delete the entry once the family meets the targets. docs/benchmarks.md lists the figures.
 */
const FLOORS: Record<string, [number, number]> = {
  // DELETE is a normal verb on this REST API; CRS's default policy refuses it.
  "911": [0.75, 0.99],
  // Invalid UTF-8 (required by 920250, refused by 920270/920271/920490 negatives) and `\u` escapes in
  // the query string (refused here, allowed by a 920540 negative) are this API's policy.
  "920": [0.99, 0.96],
  // Two negatives are a Wikipedia article that quotes working SQL injection payloads.
  "942": [0.95, 0.98],
};

describe("OWASP CRS regression set at paranoia level 1", () => {
  const scores = scoreCrs(fixture as unknown as CrsFixture, 1, (request, paranoiaLevel) =>
    inspectRequest(request, { paranoiaLevel, routeId: "crs.regression" }),
  );

  it.each(scores.map((score) => [score.crs, score.family, score] as const))(
    "CRS %s (%s) meets its detection and false-positive bars",
    (crs, _family, score) => {
      const [attackFloor, benignFloor] = FLOORS[crs] ?? [ATTACK_TARGET, BENIGN_TARGET];
      expect(score.detected / score.attacks).toBeGreaterThanOrEqual(Math.min(attackFloor, ATTACK_TARGET));
      if (score.benign > 0)
        expect(score.benignPassed / score.benign).toBeGreaterThanOrEqual(
          Math.min(benignFloor, BENIGN_TARGET),
        );
    },
  );
});
