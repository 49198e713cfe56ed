// Provider routes answer every failure in their own protocol, so they read the raw body
// themselves (the signature covers the exact bytes) and enforce the size limit while reading.

export type RawBody =
  | { ok: true; bytes: Uint8Array; text: string }
  | { ok: false; reason: "too_large" | "unreadable" };

const decoder = new TextDecoder("utf-8", { fatal: true });

/** Up to this many bytes of an oversized body are read and dropped, so the client gets our answer. */
const DRAIN_LIMIT_BYTES = 8 * 1024 * 1024;

async function drain(reader: ReadableStreamDefaultReader<Uint8Array>, already: number): Promise<void> {
  let size = already;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      size += value.byteLength;
      if (size > DRAIN_LIMIT_BYTES) {
        await reader.cancel();
        return;
      }
    }
  } catch {
    // the client went away; nothing to answer
  }
}

export async function readRawBody(request: Request, maxBytes: number): Promise<RawBody> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (!request.body) return { ok: true, bytes: new Uint8Array(0), text: "" };
  if (declared > maxBytes) {
    await drain(request.body.getReader(), 0);
    return { ok: false, reason: "too_large" };
  }
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await drain(reader, size);
        return { ok: false, reason: "too_large" };
      }
      chunks.push(value);
    }
  } catch {
    return { ok: false, reason: "unreadable" };
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return { ok: true, bytes, text: decoder.decode(bytes) };
  } catch {
    return { ok: false, reason: "unreadable" };
  }
}

/** Parses JSON; undefined for anything that is not a JSON object. */
export function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
