import {
  COUNTRY_HEADER,
  EDGE_OWNED_HEADERS,
  type HeaderFields,
  JURISDICTION_HEADER,
  PLAYER_HEADER,
  REGION_HEADER,
  REQUEST_ID_HEADER,
  SESSION_HEADER,
  TRACEPARENT_HEADER,
} from "@croupier/edge-auth";

// Hop-by-hop headers (RFC 9110 §7.6.1) and those only meaningful between the client and Cloudflare.
const dropped = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "proxy-authorization",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
  "host",
  "content-length",
  "cf-turnstile-response",
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-real-ip",
  "forwarded",
  "tracestate",
  ...EDGE_OWNED_HEADERS,
]);

export type ForwardIdentity = {
  requestId: string;
  traceparent: string;
  clientIp: string | null;
  country: string | null;
  playerId: string | null;
  sessionId: string | null;
  jurisdiction: string | null;
  region: string | null;
};

/**
 * The headers an origin receives: the client's end-to-end headers minus anything the edge owns (a
 * client cannot smuggle its own `x-croupier-player`), plus the identity the edge established.
 *
 * A plain record, not a `Headers`: the request `fetch` builds copies whatever it is given into its
 * own `Headers`, and every `Headers` the edge creates is a runtime object whose entries are freed after
 * the isolate's next garbage collection, on whichever request that lands (ADR 0108). `incoming` holds
 * lower-case names, each once, so the record needs no merging.
 */
export function forwardHeaders(
  incoming: ReadonlyMap<string, string>,
  identity: ForwardIdentity,
): HeaderFields {
  // No prototype: a client header named `__proto__` is an ordinary field here, forwarded like any other.
  const headers: HeaderFields = Object.create(null);
  incoming.forEach((value, name) => {
    if (!dropped.has(name) && !name.startsWith("cf-")) headers[name] = value;
  });
  headers[REQUEST_ID_HEADER] = identity.requestId;
  headers[TRACEPARENT_HEADER] = identity.traceparent;
  if (identity.clientIp) headers["x-forwarded-for"] = identity.clientIp;
  headers["x-forwarded-proto"] = "https";
  if (identity.country) headers[COUNTRY_HEADER] = identity.country;
  if (identity.playerId) headers[PLAYER_HEADER] = identity.playerId;
  if (identity.sessionId) headers[SESSION_HEADER] = identity.sessionId;
  if (identity.jurisdiction) headers[JURISDICTION_HEADER] = identity.jurisdiction;
  if (identity.region) headers[REGION_HEADER] = identity.region;
  return headers;
}
