// W3C Trace Context (traceparent) parsing and child-span ids, so traces flow edge → services
// → events even when no OpenTelemetry exporter is configured.

export interface TraceContext {
  traceId: string;
  spanId: string;
  flags: string;
}

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

// Span ids are drawn on every request: take them from a pooled block of random bytes (one
// getRandomValues call per 4 KiB) instead of one system call each.
const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, "0"));
const pool = new Uint8Array(4096);
let poolOffset = pool.length;

function randomHex(bytes: number): string {
  if (poolOffset + bytes > pool.length) {
    crypto.getRandomValues(pool);
    poolOffset = 0;
  }
  let hex = "";
  for (let i = poolOffset; i < poolOffset + bytes; i++) hex += HEX[pool[i] as number];
  poolOffset += bytes;
  return hex;
}

export function parseTraceparent(header: string | null | undefined): TraceContext | undefined {
  const match = header ? TRACEPARENT.exec(header.trim().toLowerCase()) : null;
  if (!match) return undefined;
  const [, traceId, spanId, flags] = match as unknown as [string, string, string, string];
  if (/^0+$/.test(traceId) || /^0+$/.test(spanId)) return undefined;
  return { traceId, spanId, flags };
}

/** The context for work done on behalf of a request: same trace, new span. */
export function childContext(parent: TraceContext | undefined): TraceContext {
  return { traceId: parent?.traceId ?? randomHex(16), spanId: randomHex(8), flags: parent?.flags ?? "01" };
}

export function formatTraceparent(context: TraceContext): string {
  return `00-${context.traceId}-${context.spanId}-${context.flags}`;
}
