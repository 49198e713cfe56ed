import { canonicalString } from "./canonical.ts";
import { type Now, unixSeconds } from "./clock.ts";
import { EDGE_SIGNATURE_HEADER, EDGE_TIMESTAMP_HEADER } from "./headers.ts";
import { hmacSign } from "./hmac.ts";

/**
 * Signs an edge→origin request. Returns a copy of `headers` with `x-croupier-edge-ts` and
 * `x-croupier-edge-sig` set; set the identity headers on `headers` before calling.
 */
export async function signEdgeHeaders(input: {
  method: string;
  url: string | URL;
  headers: HeadersInit;
  secret: string;
  now?: Now;
}): Promise<Headers> {
  const headers = new Headers(input.headers);
  const timestamp = String(unixSeconds(input.now));
  headers.set(EDGE_TIMESTAMP_HEADER, timestamp);
  headers.set(
    EDGE_SIGNATURE_HEADER,
    await hmacSign(input.secret, canonicalString(input.method, input.url, timestamp, headers)),
  );
  return headers;
}
