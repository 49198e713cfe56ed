import { describe, expect, it } from "vitest";
import { DEFAULT_ROUTE_EXCLUSIONS, exclusionsFor, isExcluded, targetMatches } from "./route-exclusions.ts";

describe("route exclusions", () => {
  it("matches targets exactly, by prefix and by case-insensitive suffix", () => {
    expect(targetMatches("body.password", "body.password")).toBe(true);
    expect(targetMatches("body.address.*", "body.address.line1")).toBe(true);
    expect(targetMatches("*password", "body.credentials.newPassword")).toBe(true);
    expect(targetMatches("*password", "body.passwordHint")).toBe(false);
    expect(targetMatches(undefined, "anything")).toBe(true);
  });

  it("excludes password fields from every family on auth routes only", () => {
    const register = exclusionsFor(DEFAULT_ROUTE_EXCLUSIONS, "auth.register");
    expect(isExcluded(register, "sqli-syntax", "sqli", "body.password")).toBe(true);
    expect(isExcluded(register, "xss-html-injection", "xss", "body.profile.newPassword")).toBe(true);
    expect(isExcluded(register, "sqli-syntax", "sqli", "body.email")).toBe(false);
    expect(
      isExcluded(
        exclusionsFor(DEFAULT_ROUTE_EXCLUSIONS, "cashier.deposit"),
        "sqli-syntax",
        "sqli",
        "body.password",
      ),
    ).toBe(false);
  });

  it("narrows an exclusion by rule id or family", () => {
    const exclusions = [{ ruleId: "xss-html-injection", target: "body.html" }, { family: "sqli" as const }];
    expect(isExcluded(exclusions, "xss-html-injection", "xss", "body.html")).toBe(true);
    expect(isExcluded(exclusions, "xss-script-context", "xss", "body.html")).toBe(false);
    expect(isExcluded(exclusions, "sqli-syntax", "sqli", "query.q")).toBe(true);
  });
});
