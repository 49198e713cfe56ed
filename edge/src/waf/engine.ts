import { QuietValues } from "./quiet-values.ts";
import { collectTargets } from "./request/collect-targets.ts";
import { DEFAULT_ROUTE_EXCLUSIONS, exclusionsFor, isExcluded } from "./route-exclusions.ts";
import { allowedMethodSet, type RequestRule, SEVERITY_SCORE, type ValueRule } from "./rule.ts";
import { plannerFor, type RulePlan, runWithMask, SHORT_VALUE_LENGTH } from "./rule-plan.ts";
import { REQUEST_RULES, VALUE_RULES } from "./rules/index.ts";
import { ValueViews } from "./transform/pipelines.ts";
import {
  alphabetOf,
  INERT_VALUE,
  inertMaskOf,
  VALUE_ALPHABETS,
  type ValueAlphabet,
} from "./transform/plain-value.ts";
import type { InspectionResult, InspectOptions, Match, WafRequest } from "./types.ts";

/** CRS's inbound default: one critical match blocks, lesser signals must add up. */
export const DEFAULT_ANOMALY_THRESHOLD = 5;

/** Longest value a rule reads; beyond it payloads would already fail the protocol size rules. */
const MAX_VALUE_LENGTH = 65_536;

/** Values up to this length are remembered; longer ones rarely repeat. */
const MAX_REMEMBERED_VALUE_LENGTH = 256;

/**
 * Values on which no value-only rule fired, across requests (quiet-values.ts): at most twice this
 * many, each at most MAX_REMEMBERED_VALUE_LENGTH long (about 1.5 MB at worst).
 */
const quietValues = new QuietValues(2048);

// Per-isolate scratch, reused by every inspection (it is synchronous) so that a request allocates no
// per-target verdict arrays or view objects: what a request allocates decides how often the isolate
// stops for garbage collection, and those pauses are the slowest requests.
const views = new ValueViews();
/** Per-rule verdicts (1 = matched) of the values seen so far in this inspection, one run per target. */
let verdictSlab = new Uint8Array(8192);

/** VALUE_ALPHABETS' widest alphabet, whose values also get a list by their exact punctuation. */
const TEXT_ALPHABET = VALUE_ALPHABETS.length - 1;

/**
 * In the per-request verdict memo, a value on which no value-only rule fired (most values) is stored
 * as a negative code that also records its narrowest alphabet, so that its repeats rerun only the
 * target-dependent rules that alphabet leaves.
 */
const nothingFired = (narrowest: number) => -2 - narrowest;
const narrowestOfNothingFired = (code: number) => -2 - code;

function reserveVerdicts(used: number, length: number): void {
  if (used + length <= verdictSlab.length) return;
  const grown = new Uint8Array(Math.max(verdictSlab.length * 2, used + length));
  grown.set(verdictSlab.subarray(0, used));
  verdictSlab = grown;
}

/** `quiet`: where quiet values are remembered across requests (the isolate's memory unless given). */
export function inspectWith(
  request: WafRequest,
  options: InspectOptions,
  valueRules: readonly ValueRule[],
  requestRules: readonly RequestRule[],
  quiet: QuietValues = quietValues,
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

  const planner = plannerFor(valueRules, options.paranoiaLevel);
  // Short values repeat, within a request (JSON keys of every array element, enum values, currencies)
  // and across requests (a browser's headers, cookies): the verdicts of rules that read only the value
  // are worked out once per distinct value and plan (one per kind of target and header name). A value
  // on which no value-only rule matched (most values) is remembered across requests as a
  // `nothingFired` code: then only the target-dependent rules run again. One on which some matched is
  // remembered for this request only, as where its verdicts start in the slab.
  const verdicts = new Map<RulePlan, Map<string, number>>();
  let slabUsed = 0;
  for (const target of collected.targets) {
    const plan = planner.forTarget(target.kind, target.name);
    const { rules, valueOnly } = plan;
    if (rules.length === 0) continue;
    const value =
      target.value.length > MAX_VALUE_LENGTH ? target.value.slice(0, MAX_VALUE_LENGTH) : target.value;
    const rememberable = value.length <= MAX_REMEMBERED_VALUE_LENGTH;
    const knownAt = rememberable ? (quiet.get(plan, value) ?? verdicts.get(plan)?.get(value)) : undefined;
    const known = knownAt !== undefined;
    let fired = knownAt ?? -1;
    if (!known) {
      reserveVerdicts(slabUsed, rules.length);
      fired = slabUsed;
      slabUsed += rules.length;
      verdictSlab.fill(0, fired, slabUsed);
    }
    let viewsReady = false;
    // The rules worth running, in rule order (so matches are listed as before): for a repeated value
    // that fired nothing, the target-dependent ones; for a new value, those its alphabet does not
    // rule out; otherwise all, value-only verdicts read back from the slab.
    let run: Int32Array;
    let alphabet: ValueAlphabet | undefined;
    let narrowest = -1;
    if (knownAt !== undefined && knownAt < 0) {
      const within = narrowestOfNothingFired(knownAt);
      run = within >= 0 ? (plan.targetDependentWithin[within] as Int32Array) : plan.targetDependent;
    } else if (known) run = plan.runAll;
    else {
      narrowest = alphabetOf(value);
      alphabet = VALUE_ALPHABETS[narrowest];
      run =
        narrowest < 0
          ? plan.runAll
          : value.length < SHORT_VALUE_LENGTH && alphabet?.identityViews
            ? (plan.runShort[narrowest]?.[value.length] as Int32Array)
            : (plan.runWithin[narrowest] as Int32Array);
      // Prose, browser headers, URLs, JSON-ish strings: beyond the fixed alphabets, the list for
      // exactly the punctuation the value uses (its letters and digits count as all of them).
      if (narrowest < 0 || narrowest === TEXT_ALPHABET) {
        const mask = inertMaskOf(value);
        const byMask = mask >= 0 ? runWithMask(plan, mask) : undefined;
        if (byMask !== undefined) {
          run = byMask;
          alphabet ??= INERT_VALUE;
        }
      }
    }
    let valueOnlyFired = false;
    for (let at = 0; at < run.length; at++) {
      const index = run[at] as number;
      const rule = rules[index] as ValueRule;
      let matched: boolean;
      if (known && valueOnly[index]) {
        matched = verdictSlab[fired + index] === 1;
      } else {
        if (!viewsReady) {
          views.reset(value, alphabet);
          viewsReady = true;
        }
        matched =
          (rule.prefilter === undefined || rule.prefilter(views.lower)) &&
          rule.test(views.view(rule.pipeline), target);
        if (!known && matched) {
          verdictSlab[fired + index] = 1;
          if (valueOnly[index]) valueOnlyFired = true;
        }
      }
      if (matched) record(rule.id, rule.family, target.name, rule.severity);
    }
    if (!known) {
      if (!valueOnlyFired) {
        if (rememberable && plan.lasting) quiet.set(plan, value, nothingFired(narrowest));
        // Nothing will read back the verdicts of a value on which no value-only rule fired.
        slabUsed = fired;
      } else if (rememberable) {
        let remembered = verdicts.get(plan);
        if (remembered === undefined) {
          remembered = new Map();
          verdicts.set(plan, remembered);
        }
        remembered.set(value, fired);
      }
    }
  }

  const threshold = options.anomalyThreshold ?? DEFAULT_ANOMALY_THRESHOLD;
  return { blocked: score >= threshold, score, matches };
}

export function inspect(request: WafRequest, options: InspectOptions): InspectionResult {
  return inspectWith(request, options, VALUE_RULES, REQUEST_RULES);
}
