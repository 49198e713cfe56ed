import { verifyEdgeRequest } from "@croupier/edge-auth";
import { describe, expect, it } from "vitest";
import { harness, SIGNING_SECRET } from "./harness.ts";

describe("forwarding to the origin", () => {
  it("signs the request so the origin can verify it and read the identity", async () => {
    const edge = await harness();
    const token = await edge.token({ sub: "ply_42", sid: "ses_42" });
    const response = await edge.request("/v1/wallet/transactions?limit=20&cursor=abc", {
      token,
      country: "IE",
    });
    expect(response.status).toBe(200);
    const forwarded = edge.originRequests[0] as Request;
    expect(forwarded.url).toBe("https://eu.origin.test/v1/wallet/transactions?limit=20&cursor=abc");
    const verified = await verifyEdgeRequest(forwarded, { secret: SIGNING_SECRET, now: edge.now() });
    expect(verified).toEqual({
      ok: true,
      identity: {
        playerId: "ply_42",
        sessionId: "ses_42",
        jurisdiction: "eu",
        region: "eu",
        country: "IE",
        requestId: response.headers.get("x-request-id"),
        traceparent: forwarded.headers.get("traceparent"),
      },
    });
    expect(await verifyEdgeRequest(forwarded, { secret: SIGNING_SECRET, now: edge.now() + 60_000 })).toEqual({
      ok: false,
      reason: "stale",
    });
  });

  it("strips identity headers a client tries to smuggle in", async () => {
    const edge = await harness();
    await edge.request("/v1/games", {
      headers: {
        "x-croupier-player": "ply_admin",
        "x-croupier-region": "uk",
        "x-croupier-edge-sig": "forged",
        "x-croupier-edge-ts": "1",
        "x-forwarded-for": "10.0.0.1",
        "x-request-id": "client-chosen",
      },
      ip: "203.0.113.9",
    });
    const forwarded = edge.originRequests[0] as Request;
    expect(forwarded.headers.has("x-croupier-player")).toBe(false);
    expect(forwarded.headers.get("x-croupier-region")).toBe("eu");
    expect(forwarded.headers.get("x-forwarded-for")).toBe("203.0.113.9");
    expect(forwarded.headers.get("x-request-id")).toMatch(
      /^req_[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect((await verifyEdgeRequest(forwarded, { secret: SIGNING_SECRET, now: edge.now() })).ok).toBe(true);
  });

  it("forwards end-to-end headers whatever their names, and drops hop-by-hop ones", async () => {
    const edge = await harness();
    await edge.request("/v1/games", {
      // A computed key: `__proto__:` in a literal would set the prototype instead of a field.
      headers: { ["__proto__"]: "kept", constructor: "kept-too", "accept-language": "mt", te: "trailers" },
    });
    const forwarded = edge.originRequests[0] as Request;
    expect(forwarded.headers.get("__proto__")).toBe("kept");
    expect(forwarded.headers.get("constructor")).toBe("kept-too");
    expect(forwarded.headers.get("accept-language")).toBe("mt");
    expect(forwarded.headers.has("te")).toBe(false);
    expect((await verifyEdgeRequest(forwarded, { secret: SIGNING_SECRET, now: edge.now() })).ok).toBe(true);
  });

  it("continues a valid client trace with a new span, and starts one otherwise", async () => {
    const edge = await harness();
    const parent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    await edge.request("/v1/games", { headers: { traceparent: parent } });
    await edge.request("/v1/games", { headers: { traceparent: "garbage" } });
    const [continued, started] = edge.originRequests.map((request) => request.headers.get("traceparent"));
    expect(continued).toMatch(/^00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01$/);
    expect(continued).not.toBe(parent);
    expect(started).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
  });

  it("forwards the body it inspected, byte for byte", async () => {
    const edge = await harness();
    const body = JSON.stringify({
      limits: { deposit: { daily: { amount: "5000000", currency: "EUR" } } },
      note: "é€",
    });
    await edge.request("/v1/limits", { method: "PUT", body, token: await edge.token() });
    expect(edge.originBodies[0]).toBe(body);
    expect(edge.originRequests[0]?.method).toBe("PUT");
  });

  it("refuses oversize and non-JSON bodies at the edge", async () => {
    const edge = await harness();
    const token = await edge.token();
    const big = JSON.stringify({ pad: "x".repeat(9000) });
    const tooLarge = await edge.request("/v1/games/gam_1/launch", { method: "POST", body: big, token });
    expect(tooLarge.status).toBe(413);
    const form = await edge.request("/v1/games/gam_1/launch", {
      method: "POST",
      body: "a=1",
      token,
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(form.status).toBe(415);
    expect(edge.originRequests).toHaveLength(0);
  });

  it("answers 404 problem+json for routes the edge does not front, without forwarding", async () => {
    const edge = await harness();
    for (const [method, path] of [
      ["GET", "/internal/session-epoch/ply_1"],
      ["GET", "/v1/admin"],
      ["DELETE", "/v1/wallet/balances"],
      ["GET", "/metrics"],
    ] as const) {
      const response = await edge.request(path, { method });
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
    }
    expect(edge.originRequests).toHaveLength(0);
  });

  it("answers 502 problem+json when the origin is unreachable, hiding the error", async () => {
    const edge = await harness({
      fetchOrigin: async () => {
        throw new TypeError("connect ECONNREFUSED 10.1.2.3:443");
      },
    });
    const response = await edge.request("/v1/games");
    expect(response.status).toBe(502);
    expect(await response.text()).not.toContain("10.1.2.3");
  });

  it("passes origin answers through with the request id, hiding server banners", async () => {
    const edge = await harness();
    const response = await edge.request("/v1/games");
    expect(response.headers.get("server")).toBeNull();
    expect(response.headers.get("x-request-id")).toMatch(/^req_/);
    expect(edge.logs[0]).toMatchObject({
      routeId: "games.list",
      status: 200,
      outcome: "forwarded",
      origin: "eu",
    });
  });
});
