export type ParanoiaLevel = 1 | 2 | 3 | 4;

export type Family =
  | "protocol"
  | "scanner"
  | "lfi"
  | "rfi"
  | "rce"
  | "php"
  | "java"
  | "xss"
  | "sqli"
  | "session-fixation"
  | "generic";

/** Where a value came from; rules choose the kinds they look at. */
export type TargetKind =
  | "path"
  | "path-segment"
  | "query-name"
  | "query-value"
  | "header"
  | "cookie-name"
  | "cookie-value"
  | "body-name"
  | "body-value"
  | "body-raw"
  | "file-name"
  /** Contents of an uploaded file: only checked for server-side code (web shells). */
  | "file-content";

export type Target = {
  kind: TargetKind;
  /** Stable dotted name used in logs and exclusions, e.g. `query.q`, `header.user-agent`, `body.player.email`. */
  name: string;
  /** Value after the one URL/JSON decoding the transport implies (what the application sees). */
  value: string;
};

export type Severity = "critical" | "error" | "warning" | "notice";

export type WafRequest = {
  method: string;
  url: string;
  /** The request's headers, or the edge's once-read copy of them (see http/read-headers.ts). */
  headers: Headers | ReadonlyMap<string, string>;
  body: string | null;
  contentType: string | null;
};

export type Match = { ruleId: string; family: Family | string; target: string };

export type InspectionResult = { blocked: boolean; score: number; matches: Match[] };

export type Exclusion = { ruleId?: string; family?: Family; target?: string };

export type RouteExclusions = { routeId: string; exclude: Exclusion[] };

export type InspectOptions = {
  paranoiaLevel: ParanoiaLevel;
  routeId: string;
  /** Inbound anomaly threshold; 5 (one critical match) unless a route needs otherwise. */
  anomalyThreshold?: number;
  /** Defaults to the platform table in route-exclusions.ts. */
  routeExclusions?: readonly RouteExclusions[];
  /**
   * Methods the route serves beyond CRS's default policy (GET, HEAD, POST, OPTIONS): PUT, PATCH and
   * DELETE pass only on routes that take them. The edge passes the method from its route table.
   */
  allowedMethods?: readonly string[];
};
