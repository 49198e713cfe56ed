import {
  type AlphabetProof,
  alphabetProofOf,
  type CharSet,
  charSetOf,
  minimumMatchLength,
} from "./regex-alphabet.ts";
import { readsHeader, type ValueRule } from "./rule.ts";
import { inertAlphabetOf, VALUE_ALPHABETS } from "./transform/plain-value.ts";
import type { ParanoiaLevel, TargetKind } from "./types.ts";

/** The value rules that apply to one kind of target (and header name), in rule order. */
export type RulePlan = {
  rules: readonly ValueRule[];
  /**
   * Per rule: whether its verdict depends on the value alone. A `test` declared with a second
   * parameter reads the target's name or kind, so its verdict cannot be reused for another target.
   */
  valueOnly: readonly boolean[];
  /**
   * Per alphabet of plain-value.ts: the indices of the rules not proven unable to match a value written
   * in that alphabet, ascending (the only ones run on such a value).
   */
  runWithin: readonly Int32Array[];
  /**
   * Per alphabet of plain-value.ts whose views are the value itself (numbers, words, identifiers), per
   * value length below SHORT_VALUE_LENGTH: `runWithin` without the rules whose expressions cannot
   * match a string that short (`enum` values and JSON keys are mostly a handful of letters).
   */
  runShort: readonly (readonly Int32Array[])[];
  /** Every rule index, ascending: what runs on a value of no known alphabet. */
  runAll: Int32Array;
  /** The indices of the rules that are not `valueOnly`, ascending: rerun on every target. */
  targetDependent: Int32Array;
  /** Per alphabet: `targetDependent` without the rules proven unable to match inside it. */
  targetDependentWithin: readonly Int32Array[];
  /**
   * Per inert mask (plain-value.ts) seen so far: the indices of the rules not proven unable to match
   * a value written in letters, digits and that mask's punctuation. Filled on demand, up to
   * MAX_REMEMBERED_MASKS masks.
   */
  runWithMask: Map<number, Int32Array>;
  /**
   * Whether the planner keeps this plan for the isolate's life. A plan built for one request only
   * (a header name past MAX_REMEMBERED_HEADER_PLANS) must not be remembered by anything lasting either,
   * or invented header names would keep plans alive after all.
   */
  lasting: boolean;
};

// Header names come from the client; past this many distinct names plans are built per request
// instead of remembered, so a flood of invented headers cannot grow the isolate's memory.
const MAX_REMEMBERED_HEADER_PLANS = 256;

// Masks are a property of client input too (up to 2^27 of them): past this many per plan, a value's
// rules come from the fixed alphabets instead, so invented punctuation mixes cannot grow memory.
const MAX_REMEMBERED_MASKS = 256;

const FIXED_ALPHABETS: readonly CharSet[] = VALUE_ALPHABETS.map((alphabet) => charSetOf(alphabet.characters));
const alphabetVerdicts = new WeakMap<ValueRule, readonly boolean[]>();

/** A rule's proof: can it fire at all on a value written in a given alphabet. */
function proofOf(rule: ValueRule): AlphabetProof | undefined {
  const { needs } = rule;
  if (needs === undefined) return undefined;
  if (needs instanceof RegExp) return alphabetProofOf(needs);
  const any = needs.map(alphabetProofOf);
  return (alphabet) => any.some((proof) => proof(alphabet));
}

function skipsWithin(rule: ValueRule): readonly boolean[] {
  let skips = alphabetVerdicts.get(rule);
  if (skips === undefined) {
    const proof = proofOf(rule);
    skips = FIXED_ALPHABETS.map((alphabet) => proof !== undefined && !proof(alphabet));
    alphabetVerdicts.set(rule, skips);
  }
  return skips;
}

/**
 * The rules of `plan` worth running on a value with this inert mask, or undefined when the plan
 * remembers as many masks as it may (the caller then uses a fixed alphabet's list).
 */
export function runWithMask(plan: RulePlan, mask: number): Int32Array | undefined {
  let run = plan.runWithMask.get(mask);
  if (run === undefined) {
    if (plan.runWithMask.size >= MAX_REMEMBERED_MASKS) return undefined;
    const alphabet = charSetOf(inertAlphabetOf(mask));
    run = indicesWhere(plan.rules, (rule) => proofOf(rule)?.(alphabet) !== false);
    plan.runWithMask.set(mask, run);
  }
  return run;
}

/** Values shorter than this get `runShort` lists when their alphabet allows. */
export const SHORT_VALUE_LENGTH = 16;

/** The shortest view a rule can fire on (0 when it states no expression). */
function minimumLengthOf(rule: ValueRule): number {
  const { needs } = rule;
  if (needs === undefined) return 0;
  if (needs instanceof RegExp) return minimumMatchLength(needs);
  return Math.min(...needs.map(minimumMatchLength));
}

function indicesWhere(rules: readonly ValueRule[], keep: (rule: ValueRule) => boolean): Int32Array {
  const indices: number[] = [];
  for (let index = 0; index < rules.length; index++) if (keep(rules[index] as ValueRule)) indices.push(index);
  return Int32Array.from(indices);
}

function planOf(rules: readonly ValueRule[], lasting: boolean): RulePlan {
  const valueOnly = rules.map((rule) => rule.test.length < 2);
  const runWithin = VALUE_ALPHABETS.map((_, alphabet) =>
    indicesWhere(rules, (rule) => skipsWithin(rule)[alphabet] !== true),
  );
  const minimumLengths = rules.map(minimumLengthOf);
  return {
    rules,
    valueOnly,
    runWithin,
    runShort: VALUE_ALPHABETS.map((alphabet, index) =>
      alphabet.identityViews
        ? Array.from({ length: SHORT_VALUE_LENGTH }, (_, length) =>
            (runWithin[index] as Int32Array).filter((rule) => (minimumLengths[rule] as number) <= length),
          )
        : [],
    ),
    runAll: indicesWhere(rules, () => true),
    targetDependent: indicesWhere(rules, (rule) => rule.test.length >= 2),
    targetDependentWithin: runWithin.map((run) => run.filter((rule) => !valueOnly[rule])),
    runWithMask: new Map(),
    lasting,
  };
}

/**
 * Which rules run on which target, worked out once per rule set and paranoia level instead of
 * filtering every rule for every value of every request.
 */
export class RulePlanner {
  private readonly rules: readonly ValueRule[];
  private readonly byKind = new Map<TargetKind, RulePlan>();
  private readonly byHeader = new Map<string, RulePlan>();

  constructor(rules: readonly ValueRule[], paranoiaLevel: ParanoiaLevel) {
    this.rules = rules.filter((rule) => rule.paranoia <= paranoiaLevel);
  }

  /** `targetName`: the target's name (`header.<name>` for a header), read for headers only. */
  forTarget(kind: TargetKind, targetName: string): RulePlan {
    if (kind === "header") {
      const remembered = this.byHeader.get(targetName);
      if (remembered !== undefined) return remembered;
      const headerName = targetName.slice("header.".length);
      const lasting = this.byHeader.size < MAX_REMEMBERED_HEADER_PLANS;
      const plan = planOf(
        this.rules.filter((rule) => rule.kinds.includes("header") && readsHeader(rule.headers, headerName)),
        lasting,
      );
      if (lasting) this.byHeader.set(targetName, plan);
      return plan;
    }
    let plan = this.byKind.get(kind);
    if (plan === undefined) {
      plan = planOf(
        this.rules.filter((rule) => rule.kinds.includes(kind)),
        true,
      );
      this.byKind.set(kind, plan);
    }
    return plan;
  }
}

const planners = new WeakMap<readonly ValueRule[], Map<ParanoiaLevel, RulePlanner>>();

/** The planner for a rule set at a paranoia level, shared by every request of the isolate. */
export function plannerFor(rules: readonly ValueRule[], paranoiaLevel: ParanoiaLevel): RulePlanner {
  let byLevel = planners.get(rules);
  if (byLevel === undefined) {
    byLevel = new Map();
    planners.set(rules, byLevel);
  }
  let planner = byLevel.get(paranoiaLevel);
  if (planner === undefined) {
    planner = new RulePlanner(rules, paranoiaLevel);
    byLevel.set(paranoiaLevel, planner);
  }
  return planner;
}
