import { collectTargets } from "./request/collect-targets.ts";
import { DEFAULT_ROUTE_EXCLUSIONS, exclusionsFor, isExcluded } from "./route-exclusions.ts";
import { allowedMethodSet, type RequestRule, readsHeader, SEVERITY_SCORE, type ValueRule } from "./rule.ts";
import { REQUEST_RULES, VALUE_RULES } from "./rules/index.ts";
import { ValueViews } from "./transform/pipelines.ts";
import type { InspectionResult, InspectOptions, Match, WafRequest } from "./types.ts";

/** CRS's inbound default: one critical match blocks, lesser signals must add up. */
export const DEFAULT_ANOMALY_THRESHOLD = 5;

/** Longest value a rule reads; beyond it payloads would already fail the protocol size rules. */
const MAX_VALUE_LENGTH = 65_536;

export function inspectWith(
  request: WafRequest,
  options: InspectOptions,
  valueRules: readonly ValueRule[],
  requestRules: readonly RequestRule[],
): InspectionResult {
  const exclusions = exclusionsFor(options.routeExclusions ?? DEFAULT_ROUTE_EXCLUSIONS, options.routeId);
  const collected = collectTargets(request);
  const matches: Match[] = [];
  let score = 0;
  const record = (ruleId: string, family: string, target: string, severity: keyof typeof SEVERITY_SCORE) => {
    if (isExcluded(exclusions, ruleId, family, target)) return false;
    matches.push({ ruleId, family, target });
    score += SEVERITY_SCORE[severity];
    return true;
  };

  const context = { request, collected, allowedMethods: allowedMethodSet(options.allowedMethods) };
  for (const rule of requestRules) {
    if (rule.paranoia > options.paranoiaLevel) continue;
    const target = rule.check(context);
    if (target !== null) record(rule.id, rule.family, target, rule.severity);
  }

  for (const target of collected.targets) {
    const views = new ValueViews(
      target.value.length > MAX_VALUE_LENGTH ? target.value.slice(0, MAX_VALUE_LENGTH) : target.value,
    );
    const headerName = target.kind === "header" ? target.name.slice("header.".length) : "";
    for (const rule of valueRules) {
      if (rule.paranoia > options.paranoiaLevel) continue;
      if (!rule.kinds.includes(target.kind)) continue;
      if (target.kind === "header" && !readsHeader(rule.headers, headerName)) continue;
      if (rule.prefilter !== undefined && !rule.prefilter(views.lower)) continue;
      if (rule.test(views.view(rule.pipeline), target))
        record(rule.id, rule.family, target.name, rule.severity);
    }
  }

  const threshold = options.anomalyThreshold ?? DEFAULT_ANOMALY_THRESHOLD;
  return { blocked: score >= threshold, score, matches };
}

export function inspect(request: WafRequest, options: InspectOptions): InspectionResult {
  return inspectWith(request, options, VALUE_RULES, REQUEST_RULES);
}
