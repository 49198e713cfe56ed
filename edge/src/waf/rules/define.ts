import { ARGUMENT_KINDS, type RequestRule, type ValueRule } from "../rule.ts";
import type { TargetKind } from "../types.ts";

/**
 * Arguments plus the path segments, the headers browsers fill from attacker-controlled pages and the
 * application's own `x-` headers (an API client's version, device or locale headers are free input the
 * back end logs and parses, the classic Log4Shell carrier).
 */
export const INJECTION_KINDS: readonly TargetKind[] = [...ARGUMENT_KINDS, "path-segment", "header"];
export const INJECTION_HEADERS: readonly string[] = [
  "user-agent",
  "referer",
  "x-forwarded-host",
  "x-original-url",
  "x-rewrite-url",
  "x-*",
];

type ValueRuleSpec = Omit<ValueRule, "patterns" | "kinds" | "pipeline" | "paranoia" | "severity"> &
  Partial<Pick<ValueRule, "patterns" | "kinds" | "pipeline" | "paranoia" | "severity">>;

export function valueRule(spec: ValueRuleSpec): ValueRule {
  return {
    paranoia: 1,
    severity: "critical",
    pipeline: "decoded",
    kinds: INJECTION_KINDS,
    headers: INJECTION_HEADERS,
    patterns: [],
    ...spec,
  };
}

/** A rule that fires when a single regular expression matches. */
export function regexRule(spec: Omit<ValueRuleSpec, "test"> & { pattern: RegExp }): ValueRule {
  const { pattern, ...rest } = spec;
  return valueRule({
    ...rest,
    patterns: [pattern],
    needs: pattern,
    test: (value) => pattern.test(value),
  });
}

export function requestRule(
  spec: Omit<RequestRule, "paranoia" | "severity" | "patterns"> &
    Partial<Pick<RequestRule, "paranoia" | "severity" | "patterns">>,
): RequestRule {
  return { paranoia: 1, severity: "critical", patterns: [], ...spec };
}
