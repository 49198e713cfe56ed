import { canonicalString } from "./canonical.ts";
import { type Now, unixSeconds } from "./clock.ts";
import {
  COUNTRY_HEADER,
  EDGE_SIGNATURE_HEADER,
  EDGE_TIMESTAMP_HEADER,
  JURISDICTION_HEADER,
  PLAYER_HEADER,
  REGION_HEADER,
  REQUEST_ID_HEADER,
  SESSION_HEADER,
  TRACEPARENT_HEADER,
} from "./headers.ts";
import { hmacVerify } from "./hmac.ts";

/** What the edge established about a request; null where it did not apply (anonymous routes). */
export type EdgeIdentity = {
  playerId: string | null;
  sessionId: string | null;
  jurisdiction: string | null;
  region: string | null;
  country: string | null;
  requestId: string | null;
  traceparent: string | null;
};

export type EdgeVerifyFailure = "missing-signature" | "malformed-timestamp" | "stale" | "bad-signature";

export type EdgeVerifyResult =
  | { ok: true; identity: EdgeIdentity }
  | { ok: false; reason: EdgeVerifyFailure };

export type EdgeVerifyOptions = {
  /** The shared secret; pass several during a rotation (new first), any one verifying is enough. */
  secret: string | readonly string[];
  /** How far the timestamp may be from now, either way. */
  maxSkewSeconds?: number;
  now?: Now;
};

/** Checks that a request was signed by the edge recently and returns the identity it forwarded. */
export async function verifyEdgeRequest(
  request: Request,
  options: EdgeVerifyOptions,
): Promise<EdgeVerifyResult> {
  const timestamp = request.headers.get(EDGE_TIMESTAMP_HEADER);
  const signature = request.headers.get(EDGE_SIGNATURE_HEADER);
  if (!timestamp || !signature) return { ok: false, reason: "missing-signature" };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: "malformed-timestamp" };

  const skew = Math.abs(unixSeconds(options.now) - Number(timestamp));
  if (skew > (options.maxSkewSeconds ?? 30)) return { ok: false, reason: "stale" };

  const message = canonicalString(request.method, request.url, timestamp, request.headers);
  const secrets = typeof options.secret === "string" ? [options.secret] : options.secret;
  for (const secret of secrets) {
    if (await hmacVerify(secret, message, signature))
      return { ok: true, identity: identityOf(request.headers) };
  }
  return { ok: false, reason: "bad-signature" };
}

function identityOf(headers: Headers): EdgeIdentity {
  const read = (name: string) => headers.get(name)?.trim() || null;
  return {
    playerId: read(PLAYER_HEADER),
    sessionId: read(SESSION_HEADER),
    jurisdiction: read(JURISDICTION_HEADER),
    region: read(REGION_HEADER),
    country: read(COUNTRY_HEADER),
    requestId: read(REQUEST_ID_HEADER),
    traceparent: read(TRACEPARENT_HEADER),
  };
}
