import { createHash } from "node:crypto";

// The fingerprint of a request, stored with its idempotency key: a replay must carry the same
// operation and the same body (key order does not matter) to get the stored answer back.

function canonical(value: unknown): unknown {
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

// node:crypto (also in Deno) hashes synchronously; Web Crypto's digest is a thread-pool job per call,
// which costs more than the hash itself on the hot path.
export async function requestHash(operation: string, body: unknown): Promise<string> {
  return createHash("sha256")
    .update(`${operation}\n${JSON.stringify(canonical(body))}`, "utf8")
    .digest("hex");
}
