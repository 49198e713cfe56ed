import { describe, expect, it } from "vitest";
import { routes } from "../src/policy/routes.ts";
import { harness } from "./harness.ts";

describe("rate limits", () => {
  it("reports the IETF RateLimit and RateLimit-Policy fields on forwarded responses", async () => {
    const edge = await harness();
    const token = await edge.token();
    const response = await edge.request("/v1/wallet/balances", { token });
    expect(response.status).toBe(200);
    expect(response.headers.get("ratelimit-policy")).toBe('"read-ip";q=600;w=60, "read-player";q=240;w=60');
    expect(response.headers.get("ratelimit")).toBe('"read-player";r=239;t=60');
    expect(edge.limiterCalls).toEqual(["read-ip:ip:203.0.113.7", "read-player:player:ply_1"]);
  });

  it("answers 429 with Retry-After once the per-IP auth budget is spent", async () => {
    const edge = await harness();
    const login = () =>
      edge.request("/v1/auth/login", {
        method: "POST",
        body: "{}",
        headers: { "cf-turnstile-response": "human" },
      });
    for (let attempt = 0; attempt < 20; attempt++) {
      expect((await login()).status).toBe(200);
      edge.advance(1000);
    }
    const refused = await login();
    expect(refused.status).toBe(429);
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    expect(refused.headers.get("retry-after")).toBe("40");
    expect(refused.headers.get("ratelimit")).toBe('"auth-ip";r=0;t=40');
    expect(refused.headers.get("ratelimit-policy")).toBe('"auth-ip";q=20;w=60');
    expect((await refused.json()).type).toBe("https://croupier.dev/problems/rate-limited");
    expect(edge.turnstileCalls).toHaveLength(20);
  });

  it("refuses keys already over their limit in the isolate, without asking the Durable Object", async () => {
    const edge = await harness();
    const register = () =>
      edge.request("/v1/auth/register", {
        method: "POST",
        body: "{}",
        headers: { "cf-turnstile-response": "human" },
      });
    for (let attempt = 0; attempt < 5; attempt++) await register();
    expect((await register()).status).toBe(429);
    const callsAfterFirstRefusal = edge.limiterCalls.length;
    for (let attempt = 0; attempt < 10; attempt++) {
      const response = await register();
      expect(response.status).toBe(429);
      expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    expect(edge.limiterCalls).toHaveLength(callsAfterFirstRefusal);
    expect(edge.logs.at(-1)).toMatchObject({ blocked: { by: "rate-limit", source: "fast-path" } });

    // Once the window has moved on, the Durable Object is asked again.
    edge.advance(3600_000);
    expect((await register()).status).toBe(200);
  });

  it("limits per player across IPs, and per IP across players", async () => {
    const edge = await harness();
    const token = await edge.token();
    const launch = (ip: string, bearer = token) =>
      edge.request("/v1/games/gam_1/launch", { method: "POST", body: "{}", token: bearer, ip });
    for (let attempt = 0; attempt < 20; attempt++)
      expect((await launch(`198.51.100.${attempt}`)).status).toBe(200);
    const refused = await launch("198.51.100.99");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("ratelimit")).toContain('"money-player";r=0');
    // Another player on the same network is unaffected.
    expect((await launch("198.51.100.99", await edge.token({ sub: "ply_2" }))).status).toBe(200);
  });

  it("counts IPv6 clients per /64, so rotating addresses does not reset the budget", async () => {
    const edge = await harness();
    const register = (ip: string) =>
      edge.request("/v1/auth/register", {
        method: "POST",
        body: "{}",
        ip,
        headers: { "cf-turnstile-response": "human" },
      });
    for (let host = 1; host <= 5; host++) expect((await register(`2001:db8:1:2::${host}`)).status).toBe(200);
    expect((await register("2001:db8:1:2:ffff::9")).status).toBe(429);
    expect((await register("2001:db8:1:3::1")).status).toBe(200);
  });

  it("keeps self-exclusion reachable when the money budget is spent", async () => {
    const edge = await harness();
    const token = await edge.token();
    for (let attempt = 0; attempt < 21; attempt++) {
      await edge.request("/v1/games/gam_1/launch", { method: "POST", body: "{}", token });
    }
    const response = await edge.request("/v1/self-exclusion", { method: "POST", body: "{}", token });
    expect(response.status).toBe(200);
  });

  it("fails closed on money routes and open on reads when the limiter is down", async () => {
    const edge = await harness({
      rateLimiter: async () => {
        throw new Error("durable object unavailable");
      },
    });
    const token = await edge.token();
    expect((await edge.request("/v1/wallet/balances", { token })).status).toBe(200);
    const launch = await edge.request("/v1/games/gam_1/launch", { method: "POST", body: "{}", token });
    expect(launch.status).toBe(503);
  });
});

describe("the route policy table", () => {
  it("gives every route at least one budget, unique ids and sane limits", () => {
    const ids = new Set<string>();
    for (const route of routes) {
      expect(ids.has(route.id)).toBe(false);
      ids.add(route.id);
      expect(route.rateLimits.length).toBeGreaterThan(0);
      for (const policy of route.rateLimits) {
        // The sliding-window log keeps one timestamp per admitted request.
        expect(policy.limit).toBeLessThanOrEqual(1000);
        expect(policy.windowSeconds).toBeGreaterThan(0);
        if (route.auth === "none") expect(policy.dimension).toBe("ip");
      }
      if (route.checkSessionEpoch) expect(route.auth).toBe("required");
    }
  });

  it("puts Turnstile on registration, login and the cashier", () => {
    const guarded = routes.filter((route) => route.turnstile).map((route) => route.id);
    expect(guarded.sort()).toEqual(["auth.login", "auth.register", "cashier.deposit", "cashier.withdrawal"]);
  });
});
