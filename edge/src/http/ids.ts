const hex = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, "0"));

function randomHex(bytes: number): string {
  const buffer = crypto.getRandomValues(new Uint8Array(bytes));
  let out = "";
  for (const byte of buffer) out += hex[byte];
  return out;
}

/** `req_` + a UUIDv7 (time-ordered), the platform's request id format. */
export function newRequestId(now: number): string {
  const time = now.toString(16).padStart(12, "0").slice(-12);
  const random = randomHex(10);
  const variant = ((Number.parseInt(random.slice(3, 4), 16) & 0x3) | 0x8).toString(16);
  return `req_${time.slice(0, 8)}-${time.slice(8)}-7${random.slice(0, 3)}-${variant}${random.slice(4, 7)}-${random.slice(7, 19)}`;
}

const traceparentPattern = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/**
 * The traceparent to forward: the client's trace continues when it sent a valid W3C header (so a web
 * client can correlate), with a fresh span id for the edge hop; otherwise a new trace starts.
 */
export function nextTraceparent(incoming: string | null): string {
  const match = incoming ? traceparentPattern.exec(incoming.trim()) : null;
  const traceId = match?.[1];
  if (match && traceId && !/^0+$/.test(traceId) && !/^0+$/.test(match[2] ?? "")) {
    return `00-${traceId}-${randomHex(8)}-${match[3]}`;
  }
  return `00-${randomHex(16)}-${randomHex(8)}-01`;
}
