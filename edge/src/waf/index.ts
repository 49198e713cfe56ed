import { inspect } from "./engine.ts";
import type { InspectionResult, InspectOptions, WafRequest } from "./types.ts";

export { newWafReference, wafBlockResponse } from "./block-response.ts";
export { DEFAULT_ANOMALY_THRESHOLD } from "./engine.ts";
export { DEFAULT_ROUTE_EXCLUSIONS } from "./route-exclusions.ts";
export type {
  Exclusion,
  Family,
  InspectionResult,
  InspectOptions,
  Match,
  ParanoiaLevel,
  RouteExclusions,
  WafRequest,
} from "./types.ts";

/**
 * Inspects one request and returns the anomaly score, whether it reaches the blocking threshold,
 * and the matched rules. Matches are for the log only: never echo them to the client.
 */
export function inspectRequest(input: WafRequest, options: InspectOptions): InspectionResult {
  return inspect(input, options);
}
