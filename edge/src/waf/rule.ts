import type { CollectedRequest } from "./request/collect-targets.ts";
import type { PipelineName } from "./transform/pipelines.ts";
import type { Family, ParanoiaLevel, Severity, Target, TargetKind, WafRequest } from "./types.ts";

type RuleBase = {
  /** Stable id, `<family>-<what>`; logged on a match, never sent to the client. */
  id: string;
  family: Family;
  paranoia: ParanoiaLevel;
  severity: Severity;
  /** Every regular expression the rule evaluates, so the ReDoS budget test can reach them all. */
  patterns: readonly RegExp[];
};

/** Looks at one value at a time, through one transformation pipeline. */
export type ValueRule = RuleBase & {
  kinds: readonly TargetKind[];
  /** When the rule reads headers, the (lower-case) names it reads; absent means every header. */
  headers?: readonly string[];
  pipeline: PipelineName;
  /**
   * A cheap necessary condition checked on the lower-cased value before the rule's own pipeline is
   * computed: most values carry none of the characters an attack class needs.
   */
  prefilter?: (lower: string) => boolean;
  test(value: string, target: Target): boolean;
};

export type RequestContext = { request: WafRequest; collected: CollectedRequest };

/** Looks at the request as a whole (protocol rules); returns the offending target name or null. */
export type RequestRule = RuleBase & { check(context: RequestContext): string | null };

export const ALL_VALUE_KINDS: readonly TargetKind[] = [
  "path",
  "path-segment",
  "query-name",
  "query-value",
  "header",
  "cookie-name",
  "cookie-value",
  "body-name",
  "body-value",
  "body-raw",
  "file-name",
];

/** Arguments in the CRS sense: query and body fields plus cookies, the usual injection carriers. */
export const ARGUMENT_KINDS: readonly TargetKind[] = [
  "query-name",
  "query-value",
  "cookie-name",
  "cookie-value",
  "body-name",
  "body-value",
  "body-raw",
  "file-name",
];

export const SEVERITY_SCORE: Record<Severity, number> = { critical: 5, error: 4, warning: 3, notice: 2 };
