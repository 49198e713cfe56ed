const HEX_DIGITS = [..."0123456789abcdef"].map((digit) => digit.charCodeAt(0));

// Random bytes are drawn from a pool refilled by the CSPRNG 4 KiB at a time, and hex is written into a
// scratch array turned into one string: every request needs two random ids, and one
// getRandomValues call plus a string per hex pair each would be most of what they cost.
const pool = new Uint8Array(4096);
let poolOffset = pool.length;
const hexScratch: number[] = [];

function randomHex(bytes: number): string {
  if (poolOffset + bytes > pool.length) {
    crypto.getRandomValues(pool);
    poolOffset = 0;
  }
  hexScratch.length = bytes * 2;
  for (let i = 0; i < bytes; i++) {
    const byte = pool[poolOffset + i] as number;
    hexScratch[2 * i] = HEX_DIGITS[byte >> 4] as number;
    hexScratch[2 * i + 1] = HEX_DIGITS[byte & 15] as number;
  }
  // Each byte is handed out once.
  pool.fill(0, poolOffset, poolOffset + bytes);
  poolOffset += bytes;
  return String.fromCharCode.apply(null, hexScratch);
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
