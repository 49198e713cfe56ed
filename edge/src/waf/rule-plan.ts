import { canMatchWithin } from "./regex-alphabet.ts";
import { readsHeader, type ValueRule } from "./rule.ts";
import { VALUE_ALPHABETS } from "./transform/plain-value.ts";
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
  /** Every rule index, ascending: what runs on a value of no known alphabet. */
  runAll: Int32Array;
  /** The indices of the rules that are not `valueOnly`, ascending: rerun on every target. */
  targetDependent: Int32Array;
};

// Header names come from the client; past this many distinct names plans are built per request
// instead of remembered, so a flood of invented headers cannot grow the isolate's memory.
const MAX_REMEMBERED_HEADER_PLANS = 256;

const alphabetVerdicts = new WeakMap<ValueRule, readonly boolean[]>();

function skipsWithin(rule: ValueRule): readonly boolean[] {
  let skips = alphabetVerdicts.get(rule);
  if (skips === undefined) {
    const { needs } = rule;
    skips = VALUE_ALPHABETS.map(
      (alphabet) => needs !== undefined && !canMatchWithin(needs, alphabet.characters),
    );
    alphabetVerdicts.set(rule, skips);
  }
  return skips;
}

function indicesWhere(rules: readonly ValueRule[], keep: (rule: ValueRule) => boolean): Int32Array {
  const indices: number[] = [];
  for (let index = 0; index < rules.length; index++) if (keep(rules[index] as ValueRule)) indices.push(index);
  return Int32Array.from(indices);
}

function planOf(rules: readonly ValueRule[]): RulePlan {
  const valueOnly = rules.map((rule) => rule.test.length < 2);
  return {
    rules,
    valueOnly,
    runWithin: VALUE_ALPHABETS.map((_, alphabet) =>
      indicesWhere(rules, (rule) => skipsWithin(rule)[alphabet] !== true),
    ),
    runAll: indicesWhere(rules, () => true),
    targetDependent: indicesWhere(rules, (rule) => rule.test.length >= 2),
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
      const plan = planOf(
        this.rules.filter((rule) => rule.kinds.includes("header") && readsHeader(rule.headers, headerName)),
      );
      if (this.byHeader.size < MAX_REMEMBERED_HEADER_PLANS) this.byHeader.set(targetName, plan);
      return plan;
    }
    let plan = this.byKind.get(kind);
    if (plan === undefined) {
      plan = planOf(this.rules.filter((rule) => rule.kinds.includes(kind)));
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
