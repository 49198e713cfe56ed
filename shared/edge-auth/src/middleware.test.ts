import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { type EdgeSignatureVariables, requireEdgeSignature } from "./middleware.ts";
import { signEdgeHeaders } from "./sign.ts";

const secret = "middleware-secret-0123456789-abcdefghij";

function originApp() {
  const app = new Hono<{ Variables: EdgeSignatureVariables }>();
  app.use(requireEdgeSignature({ secret, exempt: ["/healthz/*", "/.well-known/jwks.json"] }));
  app.get("/v1/wallet/balances", (c) => c.json({ player: c.var.edgeIdentity.playerId }));
  app.get("/healthz/live", (c) => c.text("ok"));
  app.get("/.well-known/jwks.json", (c) => c.json({ keys: [] }));
  return app;
}

describe("requireEdgeSignature", () => {
  it("passes signed requests and exposes the identity", async () => {
    const url = "http://origin/v1/wallet/balances";
    const headers = await signEdgeHeaders({
      method: "GET",
      url,
      secret,
      headers: { "x-croupier-player": "ply_1" },
    });
    const response = await originApp().request(url, { headers });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ player: "ply_1" });
  });

  it("answers 401 problem+json to unsigned requests", async () => {
    const response = await originApp().request("/v1/wallet/balances", {
      headers: { "x-request-id": "req_7" },
    });
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toMatchObject({
      type: "https://croupier.dev/problems/edge-signature-invalid",
      status: 401,
      instance: "req_7",
    });
  });

  it("answers 401 to stale requests", async () => {
    const url = "http://origin/v1/wallet/balances";
    const headers = await signEdgeHeaders({
      method: "GET",
      url,
      secret,
      headers: {},
      now: Date.now() - 60_000,
    });
    const response = await originApp().request(url, { headers });
    expect(response.status).toBe(401);
    expect((await response.json()).detail).toMatch(/too old/);
  });

  it("serves exempt paths, exact and by prefix, without a signature", async () => {
    expect((await originApp().request("/healthz/live")).status).toBe(200);
    expect((await originApp().request("/.well-known/jwks.json")).status).toBe(200);
  });
});
