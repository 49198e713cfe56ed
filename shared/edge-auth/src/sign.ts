import { canonicalString, type RequestTarget } from "./canonical.ts";
import { type Now, unixSeconds } from "./clock.ts";
import { EDGE_SIGNATURE_HEADER, EDGE_TIMESTAMP_HEADER } from "./headers.ts";
import { hmacSign } from "./hmac.ts";

type SignInput = {
  method: string;
  /** The request's target; only its path and query are signed. */
  url: string | RequestTarget;
  secret: string;
  now?: Now;
};

/**
 * Signs an edge→origin request. Returns a copy of `headers` with `x-croupier-edge-ts` and
 * `x-croupier-edge-sig` set; set the identity headers on `headers` before calling.
 */
export async function signEdgeHeaders(input: SignInput & { headers: HeadersInit }): Promise<Headers> {
  return addEdgeSignature(new Headers(input.headers), input);
}

/**
 * `signEdgeHeaders` for headers the caller has just built and owns: sets the timestamp and signature
 * on them instead of on a copy (the edge signs every request it forwards).
 */
export async function addEdgeSignature(headers: Headers, input: SignInput): Promise<Headers> {
  const timestamp = String(unixSeconds(input.now));
  headers.set(EDGE_TIMESTAMP_HEADER, timestamp);
  headers.set(
    EDGE_SIGNATURE_HEADER,
    await hmacSign(input.secret, canonicalString(input.method, input.url, timestamp, headers)),
  );
  return headers;
}
