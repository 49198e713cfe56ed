import { SIGNED_HEADERS } from "./headers.ts";

type HeaderSource = { get(name: string): string | null };

/** What the signature covers of a request's URL (a `URL` is one). */
export type RequestTarget = { pathname: string; search: string };

/**
 * The canonical string the edge signs and origins verify:
 *
 *   croupier-edge-v1 \n
 *   <METHOD upper-case> \n
 *   <path and query exactly as sent, e.g. /v1/games?page=2> \n
 *   <timestamp, unix seconds> \n
 *   x-request-id:<value> \n
 *   traceparent:<value> \n
 *   x-croupier-player:<value> \n
 *   x-croupier-session:<value> \n
 *   x-croupier-jurisdiction:<value> \n
 *   x-croupier-region:<value> \n
 *   x-croupier-country:<value>
 *
 * Values are trimmed; an absent header signs as an empty value, so adding one afterwards (say, a
 * player id on an anonymous request) breaks the signature. HTTP header values cannot contain
 * line breaks, so the lines cannot be confused with one another. The body is not covered: the
 * edge→origin hop is TLS, and the signature's job is to prove the request came through the edge
 * and to bind the identity it established to this method, target and moment.
 */
export function canonicalString(
  method: string,
  url: string | RequestTarget,
  timestamp: string,
  headers: HeaderSource,
): string {
  const target = typeof url === "string" ? new URL(url) : url;
  const lines = ["croupier-edge-v1", method.toUpperCase(), `${target.pathname}${target.search}`, timestamp];
  for (const name of SIGNED_HEADERS) lines.push(`${name}:${(headers.get(name) ?? "").trim()}`);
  return lines.join("\n");
}
