import { describe, expect, it } from "vitest";
import { ageOn } from "./register.ts";

describe("ageOn", () => {
  const now = new Date("2026-06-15T12:00:00Z");

  it("counts a birthday today as a year completed", () => {
    expect(ageOn("2008-06-15", now)).toBe(18);
  });

  it("does not count a birthday tomorrow", () => {
    expect(ageOn("2008-06-16", now)).toBe(17);
    expect(ageOn("2008-07-01", now)).toBe(17);
  });

  it("handles 29 February births in common years", () => {
    expect(ageOn("2008-02-29", new Date("2026-02-28T00:00:00Z"))).toBe(17);
    expect(ageOn("2008-02-29", new Date("2026-03-01T00:00:00Z"))).toBe(18);
  });
});
