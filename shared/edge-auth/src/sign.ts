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

/** Lower-case header names to values, as the edge builds them for a request it forwards. */
export type HeaderFields = Record<string, string>;

/**
 * `signEdgeHeaders` for headers the caller has just built and owns: sets the timestamp and signature
 * on them instead of on a copy (the edge signs every request it forwards). A plain record of
 * lower-case names is accepted too: the edge passes one straight to `fetch`, whose request then holds
 * the only `Headers` object of the forwarded request.
 */
export async function addEdgeSignature<T extends Headers | HeaderFields>(
  headers: T,
  input: SignInput,
): Promise<T> {
  const timestamp = String(unixSeconds(input.now));
  const fields = headers instanceof Headers ? headers : recordSource(headers);
  fields.set(EDGE_TIMESTAMP_HEADER, timestamp);
  fields.set(
    EDGE_SIGNATURE_HEADER,
    await hmacSign(input.secret, canonicalString(input.method, input.url, timestamp, fields)),
  );
  return headers;
}

function recordSource(record: HeaderFields) {
  return {
    get: (name: string): string | null => record[name] ?? null,
    set: (name: string, value: string) => {
      record[name] = value;
    },
  };
}
