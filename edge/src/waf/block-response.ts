/** Stable problem type for requests the WAF refuses. */
export const WAF_BLOCK_PROBLEM_TYPE = "https://croupier.dev/problems/request-blocked";

/**
 * A short, unguessable id the player can quote to support; the same id goes into the log line with
 * the matched rules, so support can find the reason without the client ever learning it.
 */
export function newWafReference(): string {
  const bytes = new Uint8Array(10);
  crypto.getRandomValues(bytes);
  let hex = "";
  for (const byte of bytes) hex += byte.toString(16).padStart(2, "0");
  return `waf_${hex}`;
}

/** The 403 sent for a blocked request: problem+json, with nothing about which rule matched. */
export function wafBlockResponse(reference: string, instance?: string): Response {
  const problem = {
    type: WAF_BLOCK_PROBLEM_TYPE,
    title: "Request blocked",
    status: 403,
    detail: "The request was blocked by the security policy. Quote the reference if you contact support.",
    reference,
    ...(instance === undefined ? {} : { instance }),
  };
  return new Response(JSON.stringify(problem), {
    status: 403,
    headers: { "content-type": "application/problem+json", "cache-control": "no-store" },
  });
}
