const PROBLEM_BASE = "https://croupier.dev/problems/";

export type ProblemInit = {
  /** Stable slug appended to the problem type URI, e.g. "jurisdiction-blocked". */
  type: string;
  title: string;
  status: number;
  detail?: string;
  /** The request id. */
  instance?: string;
  headers?: Record<string, string>;
  /** RFC 9457 extension members; never internals. */
  extensions?: Record<string, unknown>;
};

/** An RFC 9457 problem+json response. Edge answers are never cached. */
export function problem(init: ProblemInit): Response {
  const body = {
    type: `${PROBLEM_BASE}${init.type}`,
    title: init.title,
    status: init.status,
    ...(init.detail === undefined ? {} : { detail: init.detail }),
    ...(init.instance === undefined ? {} : { instance: init.instance }),
    ...init.extensions,
  };
  return new Response(JSON.stringify(body), {
    status: init.status,
    headers: { "content-type": "application/problem+json", "cache-control": "no-store", ...init.headers },
  });
}
