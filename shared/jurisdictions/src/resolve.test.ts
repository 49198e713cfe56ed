import { describe, expect, it } from "vitest";
import { getJurisdiction, resolveJurisdiction } from "./resolve.ts";
import { jurisdictionSchema, territoryRuleSchema } from "./schema.ts";
import { jurisdictions, territories } from "./table.ts";
import { regions } from "./types.ts";

describe("resolveJurisdiction", () => {
  it("maps Malta and most EU countries to the eu jurisdiction", () => {
    for (const country of ["MT", "DE", "IE", "AT", "FI"]) {
      const decision = resolveJurisdiction({ country });
      expect(decision).toMatchObject({
        allowed: true,
        jurisdiction: "eu",
        homeRegion: "eu",
        defaultCurrency: "EUR",
      });
    }
  });

  it("maps Great Britain to uk with UK rules", () => {
    expect(resolveJurisdiction({ country: "GB", region: "ENG" })).toMatchObject({
      allowed: true,
      jurisdiction: "uk",
      homeRegion: "uk",
      minimumAge: 18,
      currencies: ["GBP"],
      limitRaiseCooldownHours: 24,
      betBucketOrder: "cash-first",
    });
  });

  it("allows Ontario under ca-on in the ca region, with either subdivision spelling", () => {
    for (const region of ["ON", "CA-ON", "on"]) {
      expect(resolveJurisdiction({ country: "CA", region })).toMatchObject({
        allowed: true,
        jurisdiction: "ca-on",
        homeRegion: "ca",
        minimumAge: 19,
        territory: "CA-ON",
      });
    }
  });

  it("blocks the rest of Canada, naming the province", () => {
    expect(resolveJurisdiction({ country: "CA", region: "QC" })).toEqual({
      allowed: false,
      jurisdiction: "CA-QC",
      reason: "subdivision-required",
    });
    expect(resolveJurisdiction({ country: "CA" })).toEqual({
      allowed: false,
      jurisdiction: "CA",
      reason: "subdivision-required",
    });
  });

  it("blocks markets with their own licence regime and sanctioned countries", () => {
    expect(resolveJurisdiction({ country: "US", region: "NJ" })).toMatchObject({
      allowed: false,
      jurisdiction: "US",
      reason: "own-licence-regime",
    });
    expect(resolveJurisdiction({ country: "FR" })).toMatchObject({
      allowed: false,
      reason: "own-licence-regime",
    });
    expect(resolveJurisdiction({ country: "IR" })).toMatchObject({ allowed: false, reason: "sanctioned" });
    expect(resolveJurisdiction({ country: "UA", region: "43" })).toMatchObject({
      allowed: false,
      jurisdiction: "UA-43",
      reason: "sanctioned",
    });
  });

  it("fails closed on missing, malformed and special country codes", () => {
    for (const country of [undefined, null, "", "X", "XXX", "1", "ü1"]) {
      expect(resolveJurisdiction({ country })).toEqual({
        allowed: false,
        jurisdiction: null,
        reason: "unknown-country",
      });
    }
    expect(resolveJurisdiction({ country: "XX" })).toMatchObject({
      allowed: false,
      reason: "unknown-country",
    });
    expect(resolveJurisdiction({ country: "T1" })).toMatchObject({
      allowed: false,
      reason: "unknown-country",
    });
  });

  it("blocks countries the table does not list", () => {
    expect(resolveJurisdiction({ country: "BR" })).toEqual({
      allowed: false,
      jurisdiction: "BR",
      reason: "not-licensed",
    });
  });

  it("ignores a malformed region instead of trusting it", () => {
    expect(resolveJurisdiction({ country: "CA", region: "ON; DROP" })).toMatchObject({ allowed: false });
    expect(resolveJurisdiction({ country: "MT", region: "../x" })).toMatchObject({
      allowed: true,
      jurisdiction: "eu",
    });
  });
});

describe("the table", () => {
  it("is well formed and every jurisdiction lives in a known region", () => {
    for (const jurisdiction of Object.values(jurisdictions)) {
      expect(jurisdictionSchema.parse(jurisdiction)).toEqual(jurisdiction);
      expect(regions).toContain(jurisdiction.homeRegion);
      expect(jurisdiction.currencies).toContain(jurisdiction.defaultCurrency);
    }
    for (const rule of territories) {
      territoryRuleSchema.parse(rule);
      if ("jurisdiction" in rule) expect(getJurisdiction(rule.jurisdiction)).toBeDefined();
    }
  });

  it("lists each territory once", () => {
    const codes = territories.map((rule) => rule.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("looks up jurisdictions by id without prototype surprises", () => {
    expect(getJurisdiction("uk")?.homeRegion).toBe("uk");
    expect(getJurisdiction("toString")).toBeUndefined();
  });
});
