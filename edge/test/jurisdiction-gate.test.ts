import { describe, expect, it } from "vitest";
import { harness } from "./harness.ts";

describe("jurisdiction gate", () => {
  it("lets an allowed country through to its home region", async () => {
    const edge = await harness();
    const response = await edge.request("/v1/games", { country: "MT" });
    expect(response.status).toBe(200);
    expect(edge.originRequests[0]?.url).toBe("https://eu.origin.test/v1/games");
  });

  it.each([
    ["US", undefined, "US"],
    ["FR", undefined, "FR"],
    ["CA", "QC", "CA-QC"],
    ["IR", undefined, "IR"],
  ])("answers 451 problem+json naming the jurisdiction for %s %s", async (country, region, named) => {
    const edge = await harness();
    const response = await edge.request("/v1/games", { country, region });
    expect(response.status).toBe(451);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    const body = await response.json();
    expect(body).toMatchObject({
      type: "https://croupier.dev/problems/jurisdiction-blocked",
      status: 451,
      jurisdiction: named,
      instance: response.headers.get("x-request-id"),
    });
    expect(body.detail).toContain(named);
    expect(edge.originRequests).toHaveLength(0);
  });

  it.each([["XX"], ["T1"], [null]])("fails closed on country %s", async (country) => {
    const edge = await harness();
    const response = await edge.request("/v1/auth/login", { method: "POST", country, body: "{}" });
    expect(response.status).toBe(451);
    expect(edge.originRequests).toHaveLength(0);
  });

  it("routes Ontario to the ca region and tells the origin the jurisdiction", async () => {
    const edge = await harness();
    const response = await edge.request("/v1/auth/register", {
      method: "POST",
      country: "CA",
      region: "ON",
      body: "{}",
      headers: { "cf-turnstile-response": "human" },
    });
    expect(response.status).toBe(200);
    const forwarded = edge.originRequests[0];
    expect(forwarded?.url).toBe("https://ca.origin.test/v1/auth/register");
    expect(forwarded?.headers.get("x-croupier-jurisdiction")).toBe("ca-on");
    expect(forwarded?.headers.get("x-croupier-country")).toBe("CA");
  });

  it("gates before anything else runs: a blocked country costs no rate-limit or WAF work", async () => {
    let inspected = 0;
    const edge = await harness({
      inspect: () => {
        inspected++;
        return { blocked: false, score: 0, matches: [] };
      },
    });
    await edge.request("/v1/games", { country: "US" });
    expect(inspected).toBe(0);
    expect(edge.limiterCalls).toHaveLength(0);
  });

  it("keeps the edge's own health probes ungated", async () => {
    const edge = await harness();
    const response = await edge.request("/healthz/live", { country: "US" });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });
});
