/** Unix seconds at which the edge signed the request. */
export const EDGE_TIMESTAMP_HEADER = "x-croupier-edge-ts";
/** base64url HMAC-SHA256 over the canonical string (see canonical.ts). */
export const EDGE_SIGNATURE_HEADER = "x-croupier-edge-sig";

export const PLAYER_HEADER = "x-croupier-player";
export const SESSION_HEADER = "x-croupier-session";
export const JURISDICTION_HEADER = "x-croupier-jurisdiction";
export const REGION_HEADER = "x-croupier-region";
export const COUNTRY_HEADER = "x-croupier-country";
export const REQUEST_ID_HEADER = "x-request-id";
export const TRACEPARENT_HEADER = "traceparent";

/**
 * The forwarded headers the signature covers, in canonical order. An origin may trust exactly these
 * (and nothing else the client could have sent) once the signature verifies.
 */
export const SIGNED_HEADERS = [
  REQUEST_ID_HEADER,
  TRACEPARENT_HEADER,
  PLAYER_HEADER,
  SESSION_HEADER,
  JURISDICTION_HEADER,
  REGION_HEADER,
  COUNTRY_HEADER,
] as const;

/** Every header the edge owns; the edge strips client-sent copies before setting its own. */
export const EDGE_OWNED_HEADERS: readonly string[] = [
  EDGE_TIMESTAMP_HEADER,
  EDGE_SIGNATURE_HEADER,
  ...SIGNED_HEADERS,
];
