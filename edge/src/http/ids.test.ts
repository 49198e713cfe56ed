import { describe, expect, it } from "vitest";
import { newRequestId, nextTraceparent } from "./ids.ts";

describe("newRequestId", () => {
  it("is a req_-prefixed UUIDv7 that sorts by time", () => {
    const earlier = newRequestId(Date.UTC(2026, 0, 1));
    const later = newRequestId(Date.UTC(2026, 0, 2));
    expect(earlier).toMatch(/^req_[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(earlier < later).toBe(true);
    expect(newRequestId(0)).not.toBe(newRequestId(0));
  });

  it("stays unique and well-formed across refills of its random pool", () => {
    const ids = Array.from({ length: 2000 }, () => newRequestId(0));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^req_0{8}-0{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe("nextTraceparent", () => {
  it("rejects all-zero ids and unknown versions", () => {
    for (const bad of [
      "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
      "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
      "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
    ]) {
      expect(nextTraceparent(bad)).not.toContain("4bf92f3577b34da6a3ce929d0e0e4736");
    }
  });
});
