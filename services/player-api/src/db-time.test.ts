import { describe, expect, it } from "vitest";
import { asDate, asDateOrNull } from "./db-time.ts";

describe("asDate", () => {
  it("reads PostgreSQL timestamptz text in any offset", () => {
    expect(asDate("2026-01-02 03:04:05.678+00").toISOString()).toBe("2026-01-02T03:04:05.678Z");
    expect(asDate("2026-01-02 04:04:05+01").toISOString()).toBe("2026-01-02T03:04:05.000Z");
    expect(asDate("2026-01-02 08:34:05+05:30").toISOString()).toBe("2026-01-02T03:04:05.000Z");
    expect(asDateOrNull(null)).toBeNull();
  });
});
