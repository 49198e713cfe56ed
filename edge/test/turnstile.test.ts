import { describe, expect, it } from "vitest";
import { harness } from "./harness.ts";

const post = (token?: string) => ({
  method: "POST",
  body: "{}",
  headers: (token === undefined ? {} : { "cf-turnstile-response": token }) as Record<string, string>,
});

describe("Turnstile", () => {
  it.each([["/v1/auth/register"], ["/v1/auth/login"]])("requires a token on %s", async (path) => {
    const edge = await harness();
    const response = await edge.request(path, post());
    expect(response.status).toBe(403);
    expect((await response.json()).type).toBe("https://croupier.dev/problems/human-verification-failed");
    expect(edge.turnstileCalls).toHaveLength(0);
  });

  it("verifies the token with the route's action, the client IP and the request id, and forwards on success", async () => {
    const edge = await harness();
    const response = await edge.request("/v1/auth/login", { ...post("human"), ip: "198.51.100.4" });
    expect(response.status).toBe(200);
    expect(edge.turnstileCalls[0]).toEqual({
      token: "human",
      remoteIp: "198.51.100.4",
      expectedAction: "login",
      idempotencyKey: response.headers.get("x-request-id"),
    });
    expect(edge.originRequests[0]?.headers.has("cf-turnstile-response")).toBe(false);
  });

  it("refuses a token siteverify rejects", async () => {
    const edge = await harness();
    const response = await edge.request("/v1/auth/register", post("bot"));
    expect(response.status).toBe(403);
    expect(edge.originRequests).toHaveLength(0);
  });

  it("guards the cashier too", async () => {
    const edge = await harness();
    const token = await edge.token();
    const deposit = await edge.request("/v1/cashier/deposits", { ...post(), token });
    expect(deposit.status).toBe(403);
    const withdrawal = await edge.request("/v1/cashier/withdrawals", { ...post("human"), token });
    expect(withdrawal.status).toBe(200);
    expect(edge.turnstileCalls.at(-1)?.expectedAction).toBe("withdrawal");
  });

  it("is not asked on other routes, and can be switched off for local development", async () => {
    const edge = await harness();
    expect((await edge.request("/v1/auth/refresh", post())).status).toBe(200);
    const local = await harness({ config: { turnstileRequired: false } });
    expect((await local.request("/v1/auth/login", post())).status).toBe(200);
  });
});
