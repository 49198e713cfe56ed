import { describe, expect, it } from "vitest";
import { harness } from "./harness.ts";

describe("CORS", () => {
  it("answers preflights for fronted paths from allowed origins at the edge", async () => {
    const edge = await harness();
    const response = await edge.request("/v1/cashier/deposits", {
      method: "OPTIONS",
      headers: { origin: "https://play.croupier.test", "access-control-request-method": "POST" },
      country: "US",
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("https://play.croupier.test");
    expect(response.headers.get("access-control-allow-methods")).toBe("POST");
    expect(response.headers.get("access-control-allow-headers")).toContain("cf-turnstile-response");
    expect(response.headers.get("access-control-allow-credentials")).toBeNull();
    expect(edge.originRequests).toHaveLength(0);
  });

  it("gives other origins no CORS headers", async () => {
    const edge = await harness();
    const preflight = await edge.request("/v1/games", {
      method: "OPTIONS",
      headers: { origin: "https://evil.test" },
    });
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
    const response = await edge.request("/v1/games", { headers: { origin: "https://evil.test" } });
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
    expect(response.headers.get("vary")).toContain("Origin");
  });

  it("lets allowed origins read the request id and rate-limit fields, also on refusals", async () => {
    const edge = await harness();
    const ok = await edge.request("/v1/games", { headers: { origin: "https://play.croupier.test" } });
    expect(ok.headers.get("access-control-allow-origin")).toBe("https://play.croupier.test");
    expect(ok.headers.get("access-control-expose-headers")).toContain("ratelimit");
    const blocked = await edge.request("/v1/games", {
      headers: { origin: "https://play.croupier.test" },
      country: "US",
    });
    expect(blocked.status).toBe(451);
    expect(blocked.headers.get("access-control-allow-origin")).toBe("https://play.croupier.test");
  });
});

describe("security headers", () => {
  it("marks every answer nosniff and uncacheable unless the origin chose otherwise", async () => {
    const edge = await harness({
      fetchOrigin: async () => Response.json([], { headers: { "cache-control": "public, max-age=60" } }),
    });
    const catalogue = await edge.request("/v1/games");
    expect(catalogue.headers.get("cache-control")).toBe("public, max-age=60");
    expect(catalogue.headers.get("x-content-type-options")).toBe("nosniff");
    const refused = await edge.request("/v1/wallet/balances");
    expect(refused.headers.get("cache-control")).toBe("no-store");
    const missing = await edge.request("/nope");
    expect(missing.headers.get("x-content-type-options")).toBe("nosniff");
    expect(missing.headers.get("strict-transport-security")).toBeNull();
  });

  it("adds HSTS when deployed", async () => {
    const edge = await harness({ config: { environment: "production" } });
    const response = await edge.request("/healthz/live");
    expect(response.headers.get("strict-transport-security")).toContain("max-age=");
  });
});
