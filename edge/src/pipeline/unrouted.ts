import { problem } from "../http/problem.ts";
import { readHeaders } from "../http/read-headers.ts";
import type { EdgeDeps, LogLine } from "./context.ts";
import { readAtMost } from "./read-body.ts";
import { wafRefusal } from "./waf.ts";

/**
 * The methods an HTTP API uses. A request that is not routed gets a 404 whatever its method, so the
 * method allowlist here only flags what no API route would take (TRACE, CONNECT, WebDAV verbs…): a
 * PATCH to a path that happens not to exist is a miss, not an attack.
 */
const API_METHODS: readonly string[] = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

/** Bodies sent to routes the edge does not front are inspected up to this size, and not read past it. */
const MAX_INSPECTED_BODY = 64 * 1024;

const lenientDecoder = new TextDecoder("utf-8");

/**
 * A request for a path or method the edge does not front never reaches an origin: it is answered 404.
 * The WAF still judges it first, so scanners and attacks aimed at paths that do not exist here
 * (`/.env`, `/wp-login.php?…`, an injection in any query) are refused as attacks, with a reference,
 * and logged, rather than passing for ordinary misses.
 */
export async function answerUnrouted(deps: EdgeDeps, request: Request, requestId: string): Promise<Response> {
  const headers = readHeaders(request.headers);
  const contentType = headers.get("content-type") ?? null;
  const body = await readSmallBody(request, headers.get("content-length") ?? null);
  let refused: LogLine | null = null;
  try {
    const result = deps.inspect(
      { method: request.method, url: request.url, headers, body, contentType },
      { paranoiaLevel: deps.config.wafParanoiaLevel, routeId: "unrouted", allowedMethods: API_METHODS },
    );
    if (result.blocked) refused = { waf: { score: result.score, matches: result.matches } };
  } catch (error) {
    // A WAF that cannot decide does not wave the request through (here only to a 404, but still).
    refused = { error: String(error) };
  }
  if (refused === null) {
    return problem({
      type: "not-found",
      title: "Not found",
      status: 404,
      detail: "No such route.",
      instance: requestId,
      headers: { "x-request-id": requestId },
    });
  }
  const { response, reference } = wafRefusal(requestId);
  const { waf, error } = refused;
  deps.log({
    level: "info",
    msg: "edge request",
    requestId,
    routeId: "unrouted",
    method: request.method,
    country: request.cf?.country,
    ...(waf === undefined ? {} : { waf }),
    blocked: { by: "waf", reference, ...(error === undefined ? {} : { error }) },
    status: 403,
    outcome: "blocked",
  });
  response.headers.set("x-request-id", requestId);
  return response;
}

/** The body's text when it is small enough to inspect; a larger one is left unread (or cut off unread). */
async function readSmallBody(request: Request, declared: string | null): Promise<string | null> {
  if (request.body === null) return null;
  if (declared !== null && !(Number(declared) <= MAX_INSPECTED_BODY)) return null;
  const bytes = await readAtMost(request.body, MAX_INSPECTED_BODY);
  return bytes === null || bytes.length === 0 ? null : lenientDecoder.decode(bytes);
}
