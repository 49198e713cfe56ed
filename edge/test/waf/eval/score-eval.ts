import { type InspectionResult, inspectRequest, type ParanoiaLevel } from "../../../src/waf/index.ts";
import {
  type EvalCorpus,
  evalAttacks,
  evalBenign,
  evalRouteId,
  type LabelledRequest,
} from "./eval-requests.ts";

export type ClassScore = { label: string; total: number; blocked: number };

export type EvalScore = {
  attackClasses: ClassScore[];
  benignClasses: ClassScore[];
  attackRate: number;
  benignBlockRate: number;
  balancedAccuracy: number;
  misses: LabelledRequest[];
  falsePositives: { item: LabelledRequest; result: InspectionResult }[];
};

/**
 * The corpus scores payloads, not method policy: each request is taken to reach a route that serves its
 * method (the edge passes the route table's method; a PATCH to a route without one is refused).
 */
function routeMethods(request: LabelledRequest["request"]): string[] {
  return [request.method];
}

function tally(scores: Map<string, ClassScore>, label: string, blocked: boolean) {
  const entry = scores.get(label) ?? { label, total: 0, blocked: 0 };
  entry.total++;
  if (blocked) entry.blocked++;
  scores.set(label, entry);
}

/**
 * Balanced accuracy = mean of the attack block rate and the benign pass rate. Each attack class weighs
 * by its number of requests; the per-class table shows where a class lags.
 */
export function scoreEval(corpus: EvalCorpus, paranoiaLevel: ParanoiaLevel = 1): EvalScore {
  const attackScores = new Map<string, ClassScore>();
  const benignScores = new Map<string, ClassScore>();
  const misses: LabelledRequest[] = [];
  const falsePositives: EvalScore["falsePositives"] = [];
  let attacks = 0;
  let caught = 0;
  for (const item of evalAttacks(corpus)) {
    const { blocked } = inspectRequest(item.request, {
      paranoiaLevel,
      routeId: "api",
      allowedMethods: routeMethods(item.request),
    });
    tally(attackScores, item.label, blocked);
    attacks++;
    if (blocked) caught++;
    else misses.push(item);
  }
  let benign = 0;
  let benignBlocked = 0;
  for (const item of evalBenign(corpus)) {
    const result = inspectRequest(item.request, {
      paranoiaLevel,
      routeId: evalRouteId(item.request),
      allowedMethods: routeMethods(item.request),
    });
    tally(benignScores, item.label, result.blocked);
    benign++;
    if (result.blocked) {
      benignBlocked++;
      falsePositives.push({ item, result });
    }
  }
  const attackRate = caught / attacks;
  const benignBlockRate = benignBlocked / benign;
  return {
    attackClasses: [...attackScores.values()],
    benignClasses: [...benignScores.values()],
    attackRate,
    benignBlockRate,
    balancedAccuracy: (attackRate + 1 - benignBlockRate) / 2,
    misses,
    falsePositives,
  };
}
