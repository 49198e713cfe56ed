import { describe, expect, it } from "vitest";
import { addEdgeSignature, signEdgeHeaders } from "./sign.ts";
import { verifyEdgeRequest } from "./verify.ts";

const secret = "test-secret-0123456789-abcdefghijklmnop";
const now = Date.UTC(2026, 0, 1, 12, 0, 0);
const url = "https://eu.origin.internal/v1/wallet/balances?currency=EUR";

async function signedRequest(overrides: { headers?: Record<string, string>; method?: string } = {}) {
  const headers = await signEdgeHeaders({
    method: overrides.method ?? "GET",
    url,
    secret,
    now,
    headers: {
      "x-request-id": "req_01",
      traceparent: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
      "x-croupier-player": "ply_123",
      "x-croupier-session": "ses_9",
      "x-croupier-jurisdiction": "eu",
      "x-croupier-region": "eu",
      "x-croupier-country": "MT",
      ...overrides.headers,
    },
  });
  return new Request(url, { method: overrides.method ?? "GET", headers });
}

describe("addEdgeSignature", () => {
  it("signs the given headers in place, over the target's path and query only", async () => {
    const headers = new Headers({ "x-request-id": "req_02", "x-croupier-region": "eu" });
    const signed = await addEdgeSignature(headers, {
      method: "POST",
      url: new URL("https://edge.example/v1/wallet/balances?currency=EUR"),
      secret,
      now,
    });
    expect(signed).toBe(headers);
    // The origin sees another host; the signature binds path and query, so it still verifies.
    const request = new Request(url, { method: "POST", headers });
    expect((await verifyEdgeRequest(request, { secret, now })).ok).toBe(true);
    const otherQuery = new Request(`${url}&page=2`, { method: "POST", headers });
    expect((await verifyEdgeRequest(otherQuery, { secret, now })).ok).toBe(false);
  });

  it("signs a plain record of lower-case header names in place, verifiable once sent", async () => {
    const fields: Record<string, string> = { "x-request-id": "req_03", "x-croupier-player": "ply_1" };
    const signed = await addEdgeSignature(fields, {
      method: "PUT",
      url: new URL("https://edge.example/v1/limits"),
      secret,
      now,
    });
    expect(signed).toBe(fields);
    expect(fields["x-croupier-edge-sig"]).toMatch(/^[A-Za-z0-9_-]+$/);
    const sent = new Request("https://eu.origin.example/v1/limits", { method: "PUT", headers: fields });
    expect((await verifyEdgeRequest(sent, { secret, now })).ok).toBe(true);
    fields["x-croupier-player"] = "ply_2";
    const tampered = new Request("https://eu.origin.example/v1/limits", { method: "PUT", headers: fields });
    expect((await verifyEdgeRequest(tampered, { secret, now })).ok).toBe(false);
  });
});

describe("signEdgeHeaders / verifyEdgeRequest", () => {
  it("round-trips and returns the forwarded identity", async () => {
    const result = await verifyEdgeRequest(await signedRequest(), { secret, now });
    expect(result).toEqual({
      ok: true,
      identity: {
        playerId: "ply_123",
        sessionId: "ses_9",
        jurisdiction: "eu",
        region: "eu",
        country: "MT",
        requestId: "req_01",
        traceparent: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
      },
    });
  });

  it("sets a unix-seconds timestamp and a base64url signature", async () => {
    const request = await signedRequest();
    expect(request.headers.get("x-croupier-edge-ts")).toBe(String(now / 1000));
    expect(request.headers.get("x-croupier-edge-sig")).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("refuses unsigned requests", async () => {
    expect(await verifyEdgeRequest(new Request(url), { secret, now })).toEqual({
      ok: false,
      reason: "missing-signature",
    });
  });

  it("refuses stale and future timestamps beyond the skew", async () => {
    const request = await signedRequest();
    expect(await verifyEdgeRequest(request, { secret, now: now + 31_000 })).toEqual({
      ok: false,
      reason: "stale",
    });
    expect(await verifyEdgeRequest(request, { secret, now: now - 31_000 })).toEqual({
      ok: false,
      reason: "stale",
    });
    expect((await verifyEdgeRequest(request, { secret, now: now + 29_000 })).ok).toBe(true);
    expect((await verifyEdgeRequest(request, { secret, now: now + 100_000, maxSkewSeconds: 120 })).ok).toBe(
      true,
    );
  });

  it("refuses a malformed timestamp", async () => {
    const request = await signedRequest();
    request.headers.set("x-croupier-edge-ts", "1e9");
    expect(await verifyEdgeRequest(request, { secret, now })).toEqual({
      ok: false,
      reason: "malformed-timestamp",
    });
  });

  it("refuses a different secret, and accepts any of several during rotation", async () => {
    const request = await signedRequest();
    const other = "other-secret-0123456789-abcdefghijklmno";
    expect(await verifyEdgeRequest(request, { secret: other, now })).toEqual({
      ok: false,
      reason: "bad-signature",
    });
    expect((await verifyEdgeRequest(request, { secret: [other, secret], now })).ok).toBe(true);
  });

  it.each([
    ["x-croupier-player", "ply_other"],
    ["x-croupier-jurisdiction", "uk"],
    ["x-croupier-region", "uk"],
    ["x-croupier-country", "GB"],
    ["x-croupier-session", "ses_stolen"],
    ["x-request-id", "req_02"],
    ["traceparent", "00-00000000000000000000000000000001-0000000000000001-01"],
  ])("detects a changed %s", async (name, value) => {
    const request = await signedRequest();
    request.headers.set(name, value);
    expect(await verifyEdgeRequest(request, { secret, now })).toEqual({ ok: false, reason: "bad-signature" });
  });

  it("detects an identity header added after signing", async () => {
    const request = await signedRequest({ headers: { "x-croupier-player": "" } });
    request.headers.set("x-croupier-player", "ply_victim");
    expect((await verifyEdgeRequest(request, { secret, now })).ok).toBe(false);
  });

  it("binds the method, path and query", async () => {
    const request = await signedRequest();
    const otherPath = new Request(url.replace("balances", "transactions"), { headers: request.headers });
    const otherQuery = new Request(url.replace("EUR", "GBP"), { headers: request.headers });
    const otherMethod = new Request(url, { method: "DELETE", headers: request.headers });
    for (const forged of [otherPath, otherQuery, otherMethod]) {
      expect(await verifyEdgeRequest(forged, { secret, now })).toEqual({
        ok: false,
        reason: "bad-signature",
      });
    }
  });

  it("ignores the host, so the same signature holds behind a load balancer", async () => {
    const request = await signedRequest();
    const rehosted = new Request(url.replace("eu.origin.internal", "10.0.0.7:8080"), {
      headers: request.headers,
    });
    expect((await verifyEdgeRequest(rehosted, { secret, now })).ok).toBe(true);
  });

  it("refuses garbage signatures without throwing", async () => {
    const request = await signedRequest();
    for (const garbage of ["", "!!!", "a", "A".repeat(200)]) {
      request.headers.set("x-croupier-edge-sig", garbage);
      expect((await verifyEdgeRequest(request, { secret, now })).ok).toBe(false);
    }
  });

  it("rejects short secrets when signing", async () => {
    await expect(signEdgeHeaders({ method: "GET", url, headers: {}, secret: "short" })).rejects.toThrow(/32/);
  });
});
