import {
  COUNTRY_HEADER,
  EDGE_OWNED_HEADERS,
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
 */
export function forwardHeaders(incoming: ReadonlyMap<string, string>, identity: ForwardIdentity): Headers {
  const headers = new Headers();
  incoming.forEach((value, name) => {
    if (!dropped.has(name) && !name.startsWith("cf-")) headers.set(name, value);
  });
  headers.set(REQUEST_ID_HEADER, identity.requestId);
  headers.set(TRACEPARENT_HEADER, identity.traceparent);
  if (identity.clientIp) headers.set("x-forwarded-for", identity.clientIp);
  headers.set("x-forwarded-proto", "https");
  const set = (name: string, value: string | null) => {
    if (value) headers.set(name, value);
  };
  set(COUNTRY_HEADER, identity.country);
  set(PLAYER_HEADER, identity.playerId);
  set(SESSION_HEADER, identity.sessionId);
  set(JURISDICTION_HEADER, identity.jurisdiction);
  set(REGION_HEADER, identity.region);
  return headers;
}
