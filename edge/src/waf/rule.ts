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
  /**
   * When the rule reads headers, the (lower-case) names it reads, `x-*` for the application's own
   * headers; absent means every header.
   */
  headers?: readonly string[];
  pipeline: PipelineName;
  /**
   * A cheap necessary condition checked on the lower-cased value before the rule's own pipeline is
   * computed: most values carry none of the characters an attack class needs.
   */
  prefilter?: (lower: string) => boolean;
  /**
   * An expression the rule's view must match for the rule to fire (for `regexRule`, the rule's own
   * expression), or several of which it must match at least one. It lets the engine prove from the
   * expressions alone that some values cannot match (see regex-alphabet.ts); a wrong one would hide
   * matches, so only state it when the test requires it.
   */
  needs?: RegExp | readonly RegExp[];
  test(value: string, target: Target): boolean;
};

export type RequestContext = {
  request: WafRequest;
  collected: CollectedRequest;
  /** Upper-case methods the route accepts (CRS's default set plus what the route serves). */
  allowedMethods: ReadonlySet<string>;
};

/** CRS's default `allowed_methods`: what any route accepts; writes are allowed per route. */
export const DEFAULT_ALLOWED_METHODS: readonly string[] = ["GET", "HEAD", "POST", "OPTIONS"];
const DEFAULT_METHOD_SET: ReadonlySet<string> = new Set(DEFAULT_ALLOWED_METHODS);

/** The method allowlist of a route: the default set plus the methods the route itself serves. */
export function allowedMethodSet(routeMethods: readonly string[] | undefined): ReadonlySet<string> {
  if (routeMethods === undefined || routeMethods.length === 0) return DEFAULT_METHOD_SET;
  return new Set([...DEFAULT_ALLOWED_METHODS, ...routeMethods.map((method) => method.toUpperCase())]);
}

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

// Proxy and tracing headers have a fixed grammar (addresses, ids) set by infrastructure, not by the
// application's clients; a wildcard does not reach them.
const INFRASTRUCTURE_HEADERS = new Set([
  "x-forwarded-for",
  "x-forwarded-proto",
  "x-forwarded-port",
  "x-real-ip",
  "x-request-id",
  "x-correlation-id",
  "x-amzn-trace-id",
  "x-cloud-trace-context",
  "x-b3-traceid",
  "x-b3-spanid",
  "x-b3-sampled",
]);

/** Whether a rule with this header list reads the named (lower-case) header. */
export function readsHeader(headers: readonly string[] | undefined, name: string): boolean {
  if (headers === undefined) return true;
  for (const entry of headers) {
    if (entry === name) return true;
    if (entry.endsWith("*") && name.startsWith(entry.slice(0, -1)) && !INFRASTRUCTURE_HEADERS.has(name))
      return true;
  }
  return false;
}
