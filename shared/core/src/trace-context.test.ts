import { describe, expect, it } from "vitest";
import { childContext, formatTraceparent, parseTraceparent } from "./trace-context.ts";

describe("trace context", () => {
  const header = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  it("parses a valid traceparent and keeps the trace in child spans", () => {
    const parent = parseTraceparent(header);
    expect(parent).toEqual({
      traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
      spanId: "00f067aa0ba902b7",
      flags: "01",
    });
    const child = childContext(parent);
    expect(child.traceId).toBe(parent?.traceId);
    expect(child.spanId).not.toBe(parent?.spanId);
    expect(formatTraceparent(child)).toMatch(/^00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01$/);
  });

  it("rejects malformed and all-zero ids", () => {
    for (const bad of [
      "",
      "garbage",
      "00-0000000000000000000000000000000-00f067aa0ba902b7-01",
      `${header}-x`,
    ]) {
      expect(parseTraceparent(bad)).toBeUndefined();
    }
    expect(parseTraceparent("00-00000000000000000000000000000000-00f067aa0ba902b7-01")).toBeUndefined();
  });

  it("starts a new trace without a parent", () => {
    expect(formatTraceparent(childContext(undefined))).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
  });
});
