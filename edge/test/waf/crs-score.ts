// Runs the OWASP CRS regression cases (tests/fixtures/crs, Apache-2.0) through the WAF at one
// paranoia level and scores detection per family. Shared by the CLI scorer and the CI threshold test.
import type { InspectionResult, ParanoiaLevel, WafRequest } from "../../src/waf/index.ts";
import { ATTACK_SHAPED_NEGATIVES, OUT_OF_SCOPE_RULES } from "./crs-scope.ts";

export type CrsCase = {
  id: string;
  desc: string;
  method: string;
  uri: string;
  headers: [string, string][];
  body: string | null;
  expect: number[];
  noExpect: number[];
  autocomplete?: false;
};

export type CrsFixture = { source: string; paranoiaLevels: Record<string, number>; cases: CrsCase[] };

/** CRS rule-file prefix → our family. Prefixes not listed are families we do not implement. */
export const CRS_FAMILY: Record<string, string> = {
  "911": "protocol",
  "913": "scanner",
  "920": "protocol",
  "921": "protocol",
  "930": "lfi",
  "931": "rfi",
  "932": "rce",
  "933": "php",
  "934": "generic",
  "941": "xss",
  "942": "sqli",
  "943": "session-fixation",
  "944": "java",
};

export type FamilyScore = {
  family: string;
  crs: string;
  attacks: number;
  detected: number;
  blocked: number;
  benign: number;
  benignPassed: number;
  benignNotBlocked: number;
  missed: string[];
  falsePositives: string[];
  /** Cases left out: rules out of scope, and negatives whose payload is an attack. */
  outOfScope: number;
  attackShaped: number;
};

// biome-ignore lint/suspicious/noControlCharactersInRegex: the range starts at NUL on purpose
const NON_LATIN1 = /[^\u0000-\u00ff]/;

export function crsCaseToRequest(testCase: CrsCase): WafRequest {
  const headers = new Headers();
  for (const [name, value] of testCase.headers) {
    // Browsers refuse header values outside Latin-1; such a request never reaches the Worker intact.
    if (NON_LATIN1.test(value)) continue;
    try {
      headers.append(name, value);
    } catch {
      // A header the platform itself would refuse never reaches the Worker.
    }
  }
  // go-ftw completes a request that has a body with a form Content-Type unless the case opts out.
  if (
    testCase.autocomplete !== false &&
    testCase.body !== null &&
    testCase.body !== "" &&
    !headers.has("content-type")
  ) {
    headers.set("content-type", "application/x-www-form-urlencoded");
  }
  const uri = testCase.uri.startsWith("/") ? testCase.uri : `/${testCase.uri}`;
  return {
    method: testCase.method,
    url: `http://localhost${uri}`,
    headers,
    body: testCase.body,
    contentType: headers.get("content-type"),
  };
}

function levelOf(fixture: CrsFixture, id: number): number {
  return fixture.paranoiaLevels[String(id)] ?? 9;
}

export function scoreCrs(
  fixture: CrsFixture,
  paranoiaLevel: ParanoiaLevel,
  inspect: (request: WafRequest, paranoiaLevel: ParanoiaLevel) => InspectionResult,
): FamilyScore[] {
  const scores = new Map<string, FamilyScore>();
  const scoreFor = (crs: string): FamilyScore | undefined => {
    const family = CRS_FAMILY[crs];
    if (family === undefined) return undefined;
    let score = scores.get(crs);
    if (!score) {
      score = {
        family,
        crs,
        attacks: 0,
        detected: 0,
        blocked: 0,
        benign: 0,
        benignPassed: 0,
        benignNotBlocked: 0,
        missed: [],
        falsePositives: [],
        outOfScope: 0,
        attackShaped: 0,
      };
      scores.set(crs, score);
    }
    return score;
  };
  for (const testCase of fixture.cases) {
    const ruleIds = testCase.expect.length > 0 ? testCase.expect : testCase.noExpect;
    const crs = String(ruleIds[0]).slice(0, 3);
    const score = scoreFor(crs);
    if (!score) continue;
    if (ruleIds.every((id) => OUT_OF_SCOPE_RULES[String(id)] !== undefined)) {
      score.outOfScope++;
      continue;
    }
    if (testCase.expect.length === 0 && ATTACK_SHAPED_NEGATIVES[testCase.id] !== undefined) {
      score.attackShaped++;
      continue;
    }
    if (testCase.expect.length > 0) {
      if (testCase.expect.some((id) => levelOf(fixture, id) > paranoiaLevel)) continue;
      const result = inspect(crsCaseToRequest(testCase), paranoiaLevel);
      score.attacks++;
      if (result.matches.some((match) => match.family === score.family)) score.detected++;
      else score.missed.push(testCase.id);
      if (result.blocked) score.blocked++;
    } else {
      const result = inspect(crsCaseToRequest(testCase), paranoiaLevel);
      score.benign++;
      if (result.matches.some((match) => match.family === score.family))
        score.falsePositives.push(testCase.id);
      else score.benignPassed++;
      if (!result.blocked) score.benignNotBlocked++;
    }
  }
  return [...scores.values()].sort((a, b) => a.crs.localeCompare(b.crs));
}

export function percent(part: number, whole: number): string {
  return whole === 0 ? "n/a" : `${((100 * part) / whole).toFixed(1)} %`;
}
