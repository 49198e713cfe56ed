import { abortAllDurableObjects, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { RateLimitPolicy } from "../src/policy/routes.ts";
import type { RateLimiter } from "../src/rate-limit/durable-object.ts";
import { durableObjectLimiter } from "../src/rate-limit/limiter.ts";
import { harness } from "./harness.ts";

const namespace = env.RATE_LIMITER as DurableObjectNamespace<RateLimiter>;

// Generous timeouts: a thousand concurrent DO calls on a shared two-core machine; nothing here is timed.
describe("RateLimiter Durable Object", { timeout: 60_000 }, () => {
  it("admits exactly the limit with 1,000 concurrent requests over 50 keys", async () => {
    const limiter = durableObjectLimiter(namespace);
    const policy: RateLimitPolicy = { name: "exact", dimension: "ip", limit: 7, windowSeconds: 600 };
    const keys = Array.from({ length: 50 }, (_, index) => `exact:ip:${crypto.randomUUID()}-${index}`);
    const decisions = await Promise.all(
      Array.from({ length: 1000 }, (_, index) => {
        const key = keys[index % keys.length] as string;
        return limiter(key, policy).then((decision) => ({ key, decision }));
      }),
    );
    const admittedPerKey = new Map<string, number>();
    for (const { key, decision } of decisions) {
      if (decision.allowed) admittedPerKey.set(key, (admittedPerKey.get(key) ?? 0) + 1);
      else expect(decision.retryAfterSeconds).toBeGreaterThan(0);
    }
    expect(admittedPerKey.size).toBe(50);
    for (const count of admittedPerKey.values()) expect(count).toBe(7);
    expect(decisions.filter(({ decision }) => decision.allowed)).toHaveLength(350);
  });

  it("admits exactly the limit through the whole edge with 1,000 concurrent requests from 50 IPs", async () => {
    const edge = await harness({ rateLimiter: durableObjectLimiter(namespace) });
    const run = crypto.randomUUID().slice(0, 8);
    const responses = await Promise.all(
      Array.from({ length: 1000 }, (_, index) =>
        edge.request("/v1/auth/register", {
          method: "POST",
          body: "{}",
          ip: `2001:db8:${run.slice(0, 4)}:${(index % 50).toString(16)}::${run.slice(4)}`,
          headers: { "cf-turnstile-response": "human" },
        }),
      ),
    );
    const statuses = responses.map((response) => response.status);
    // register-ip allows 5 per hour per IP: 50 × 5 admitted, the rest refused.
    expect(statuses.filter((status) => status === 200)).toHaveLength(250);
    expect(statuses.filter((status) => status === 429)).toHaveLength(750);
    expect(edge.originRequests).toHaveLength(250);
  });

  it("keeps counting across a restart of the object", async () => {
    const limiter = durableObjectLimiter(namespace);
    const policy: RateLimitPolicy = { name: "persist", dimension: "ip", limit: 2, windowSeconds: 600 };
    const key = `persist:ip:${crypto.randomUUID()}`;
    expect((await limiter(key, policy)).allowed).toBe(true);
    expect((await limiter(key, policy)).allowed).toBe(true);
    // Reset every instance (as a deploy or an eviction would) while keeping their storage.
    await abortAllDurableObjects();
    expect(await limiter(key, policy)).toMatchObject({ allowed: false, remaining: 0 });
  });

  it("forgets a key once its window is empty, and keeps a busy key", async () => {
    const limiter = durableObjectLimiter(namespace);
    const policy: RateLimitPolicy = { name: "forget", dimension: "ip", limit: 5, windowSeconds: 1 };
    const key = `forget:ip:${crypto.randomUUID()}`;
    const stub = namespace.get(namespace.idFromName(key));
    await limiter(key, policy);
    // Still inside the window: the alarm re-arms and the log stays.
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(await runInDurableObject(stub, (_, state) => state.storage.get("state"))).toMatchObject({
      log: [expect.any(Number)],
      windowMs: 1000,
    });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(await runInDurableObject(stub, (_, state) => state.storage.get("state"))).toBeUndefined();
  });
});
