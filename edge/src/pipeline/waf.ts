import { problem } from "../http/problem.ts";
import type { EdgeRequest, Step } from "./context.ts";

/**
 * The WAF verdict (the engine is injected as `deps.inspect`). Matched rules go to the log line under a
 * reference the player can quote to support; the response never says which rule matched.
 */
export const waf: Step = (edge) => {
  const { deps, request } = edge;
  let result: ReturnType<typeof deps.inspect>;
  try {
    result = deps.inspect(
      {
        method: request.method,
        url: request.url,
        headers: edge.headers,
        body: edge.body,
        contentType: edge.contentType,
      },
      {
        paranoiaLevel: deps.config.wafParanoiaLevel,
        routeId: edge.route.id,
        // The route table is the method policy: writes pass only on the routes that serve them.
        allowedMethods: [edge.route.method],
      },
    );
  } catch (error) {
    // A WAF that cannot decide does not wave the request through.
    return blocked(edge, { error: String(error) });
  }
  if (result.matches.length > 0) edge.log.waf = { score: result.score, matches: result.matches };
  return result.blocked ? blocked(edge, {}) : undefined;
};

function blocked(edge: EdgeRequest, extra: Record<string, unknown>): Response {
  const { response, reference } = wafRefusal(edge.requestId);
  edge.log.blocked = { by: "waf", reference, ...extra };
  return response;
}

/** The 403 for a request the WAF refuses, and the reference it quotes (logged with the matches). */
export function wafRefusal(requestId: string): { response: Response; reference: string } {
  const reference = `waf_${crypto.randomUUID().replaceAll("-", "").slice(0, 20)}`;
  const response = problem({
    type: "request-blocked",
    title: "Request blocked",
    status: 403,
    detail: "The request was blocked by the security policy. Quote the reference if you contact support.",
    instance: requestId,
    extensions: { reference },
  });
  return { response, reference };
}
