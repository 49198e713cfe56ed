export { canonicalString, type RequestTarget } from "./canonical.ts";
export type { Now } from "./clock.ts";
export {
  COUNTRY_HEADER,
  EDGE_OWNED_HEADERS,
  EDGE_SIGNATURE_HEADER,
  EDGE_TIMESTAMP_HEADER,
  JURISDICTION_HEADER,
  PLAYER_HEADER,
  REGION_HEADER,
  REQUEST_ID_HEADER,
  SESSION_HEADER,
  SIGNED_HEADERS,
  TRACEPARENT_HEADER,
} from "./headers.ts";
export { type EdgeSignatureVariables, requireEdgeSignature } from "./middleware.ts";
export { addEdgeSignature, type HeaderFields, signEdgeHeaders } from "./sign.ts";
export {
  type EdgeIdentity,
  type EdgeVerifyFailure,
  type EdgeVerifyOptions,
  type EdgeVerifyResult,
  verifyEdgeRequest,
} from "./verify.ts";
