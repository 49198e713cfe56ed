// Accounts and sessions against real PostgreSQL and a real ledger process.
import { decodeJwt, decodeProtectedHeader } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  edgeClient,
  newPlayerInput,
  startLedger,
  startPlayerApi,
  type TestPlayerApi,
} from "./support/platform.ts";

let ledger: Awaited<ReturnType<typeof startLedger>>;
let api: TestPlayerApi;
let send: ReturnType<typeof edgeClient>;

beforeAll(async () => {
  ledger = await startLedger();
  api = await startPlayerApi({ ledgerUrl: ledger.ledger.url });
  send = edgeClient(api.app);
});

afterAll(async () => {
  await api?.stop();
  await ledger?.stop();
});

async function registerAndLogin(overrides: Record<string, unknown> = {}) {
  const input = newPlayerInput(overrides);
  const registered = await send("POST", "/v1/auth/register", { body: input });
  expect(registered.status).toBe(201);
  const login = await send("POST", "/v1/auth/login", {
    body: { email: input.email, password: input.password },
  });
  expect(login.status).toBe(200);
  return { input, tokens: (await login.json()) as Record<string, string> };
}

describe("registration", () => {
  it("registers a player in the jurisdiction of their country and opens their ledger account", async () => {
    const input = newPlayerInput({ country: "DE" });
    const response = await send("POST", "/v1/auth/register", { body: input });
    expect(response.status).toBe(201);
    const body = (await response.json()) as {
      playerId: string;
      jurisdiction: string;
      region: string;
      currency: string;
    };
    expect(body).toMatchObject({ jurisdiction: "eu", region: "eu", currency: "EUR", status: "active" });
    const login = await send("POST", "/v1/auth/login", {
      body: { email: input.email, password: input.password },
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const balances = await send("GET", "/v1/wallet/balances", { token: accessToken });
    expect(balances.status).toBe(200);
    expect(await balances.json()).toMatchObject({
      playerId: body.playerId,
      balances: [{ currency: "EUR", cash: "0" }],
    });
  });

  it("refuses a blocked territory, an underage player and a taken email", async () => {
    const blocked = await send("POST", "/v1/auth/register", { body: newPlayerInput({ country: "US" }) });
    expect(blocked.status).toBe(403);
    expect(await blocked.json()).toMatchObject({ code: "jurisdiction_blocked" });
    const young = new Date();
    young.setUTCFullYear(young.getUTCFullYear() - 17);
    const underage = await send("POST", "/v1/auth/register", {
      body: newPlayerInput({ dateOfBirth: young.toISOString().slice(0, 10) }),
    });
    expect(underage.status).toBe(422);
    const input = newPlayerInput();
    expect((await send("POST", "/v1/auth/register", { body: input })).status).toBe(201);
    const again = await send("POST", "/v1/auth/register", {
      body: { ...input, email: input.email.toUpperCase() },
    });
    expect(again.status).toBe(409);
  });

  it("refuses a player whose home region is elsewhere", async () => {
    const response = await send("POST", "/v1/auth/register", {
      body: newPlayerInput({ country: "GB", currency: "GBP" }),
    });
    expect(response.status).toBe(421);
  });
});

describe("bad input", () => {
  it("answers unknown fields and schema violations with 400 problem+json", async () => {
    const unknown = await send("POST", "/v1/auth/register", { body: { ...newPlayerInput(), admin: true } });
    expect(unknown.status).toBe(400);
    expect(unknown.headers.get("content-type")).toContain("application/problem+json");
    const wrong = await send("POST", "/v1/auth/login", { body: { email: "not-an-email", password: "" } });
    expect(wrong.status).toBe(400);
    const notJson = await send("POST", "/v1/auth/login", {
      rawBody: "{",
      headers: { "content-type": "application/json" },
    });
    expect(notJson.status).toBe(400);
  });

  it("answers 415 to a body that is not JSON and 413 to an oversized one", async () => {
    const form = await send("POST", "/v1/auth/login", {
      rawBody: "email=a&password=b",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(form.status).toBe(415);
    const huge = await send("POST", "/v1/auth/register", {
      body: { ...newPlayerInput(), padding: "x".repeat(40_000) },
    });
    expect(huge.status).toBe(413);
  });

  it("refuses requests the edge did not sign, with WWW-Authenticate", async () => {
    const response = await api.app.request("/v1/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "a@example.com", password: "whatever" }),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBeTruthy();
  });

  it("refuses a wrong password with 401 and leaves no session", async () => {
    const { input } = await registerAndLogin();
    const response = await send("POST", "/v1/auth/login", {
      body: { email: input.email, password: "wrong password!" },
    });
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toContain("Bearer");
  });
});

describe("sessions", () => {
  it("issues ES256 access tokens with the claims the edge needs, verifiable with the JWKS", async () => {
    const { tokens } = await registerAndLogin();
    const header = decodeProtectedHeader(tokens.accessToken as string);
    const claims = decodeJwt(tokens.accessToken as string);
    expect(header.alg).toBe("ES256");
    expect(claims).toMatchObject({
      iss: "croupier-player-api",
      aud: "croupier-edge",
      jur: "eu",
      reg: "eu",
      sep: 0,
    });
    expect(String(claims.sub)).toMatch(/^ply_/);
    expect((claims.exp as number) - (claims.iat as number)).toBeLessThanOrEqual(900);
    const jwks = (await (await api.app.request("/.well-known/jwks.json")).json()) as {
      keys: { kid: string; d?: string }[];
    };
    expect(jwks.keys.map((k) => k.kid)).toContain(header.kid);
    expect(jwks.keys.every((k) => k.d === undefined)).toBe(true);
  });

  it("rotates refresh tokens, and a reused one revokes the whole family", async () => {
    const { tokens } = await registerAndLogin();
    const first = await send("POST", "/v1/auth/refresh", { body: { refreshToken: tokens.refreshToken } });
    expect(first.status).toBe(200);
    const second = (await first.json()) as Record<string, string>;
    expect(second.refreshToken).not.toBe(tokens.refreshToken);
    expect(second.sessionId).toBe(tokens.sessionId);

    const reuse = await send("POST", "/v1/auth/refresh", { body: { refreshToken: tokens.refreshToken } });
    expect(reuse.status).toBe(401);
    expect(await reuse.json()).toMatchObject({ code: "refresh_token_reused" });
    // The legitimate holder's newer token is dead too, and so is its access token.
    const after = await send("POST", "/v1/auth/refresh", { body: { refreshToken: second.refreshToken } });
    expect(after.status).toBe(401);
    const balances = await send("GET", "/v1/wallet/balances", { token: second.accessToken });
    expect(balances.status).toBe(401);
    const epoch = await api.app.request(`/internal/session-epoch/${tokens.playerId}`);
    expect(await epoch.json()).toEqual({ epoch: 1 });
  });

  it("lets only one of two concurrent refreshes with the same token through", async () => {
    const { tokens } = await registerAndLogin();
    const results = await Promise.all(
      [1, 2].map(() => send("POST", "/v1/auth/refresh", { body: { refreshToken: tokens.refreshToken } })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 401]);
  });

  it("logout revokes the session and raises the epoch the edge checks", async () => {
    const { tokens } = await registerAndLogin();
    expect((await send("GET", "/v1/limits", { token: tokens.accessToken })).status).toBe(200);
    const logout = await send("POST", "/v1/auth/logout", {
      token: tokens.accessToken,
      body: { refreshToken: tokens.refreshToken },
    });
    expect(logout.status).toBe(204);
    expect((await send("GET", "/v1/limits", { token: tokens.accessToken })).status).toBe(401);
    expect(
      (await send("POST", "/v1/auth/refresh", { body: { refreshToken: tokens.refreshToken } })).status,
    ).toBe(401);
    const epoch = (await (await api.app.request(`/internal/session-epoch/${tokens.playerId}`)).json()) as {
      epoch: number;
    };
    expect(epoch.epoch).toBeGreaterThan(decodeJwt(tokens.accessToken as string).sep as number);
  });

  it("changing the password ends other sessions and returns a fresh one", async () => {
    const { input, tokens } = await registerAndLogin();
    const other = (await (
      await send("POST", "/v1/auth/login", { body: { email: input.email, password: input.password } })
    ).json()) as Record<string, string>;
    const wrong = await send("POST", "/v1/auth/password", {
      token: tokens.accessToken,
      body: { currentPassword: "not the password", newPassword: "another long passphrase" },
    });
    expect(wrong.status).toBe(403);
    const changed = await send("POST", "/v1/auth/password", {
      token: tokens.accessToken,
      body: { currentPassword: input.password, newPassword: "another long passphrase" },
    });
    expect(changed.status).toBe(200);
    const fresh = (await changed.json()) as Record<string, string>;
    expect(
      (await send("POST", "/v1/auth/refresh", { body: { refreshToken: other.refreshToken } })).status,
    ).toBe(401);
    expect((await send("GET", "/v1/limits", { token: fresh.accessToken })).status).toBe(200);
    const oldLogin = await send("POST", "/v1/auth/login", {
      body: { email: input.email, password: input.password },
    });
    expect(oldLogin.status).toBe(401);
  });

  it("refuses an access token whose identity does not match the edge's", async () => {
    const a = await registerAndLogin();
    const b = await registerAndLogin();
    const claimsB = decodeJwt(b.tokens.accessToken as string);
    const response = await send("GET", "/v1/wallet/balances", {
      token: a.tokens.accessToken,
      headers: { "x-croupier-player": String(claimsB.sub) },
    });
    expect(response.status).toBe(401);
  });

  it("launches a game bound to the player's session and currency", async () => {
    const { tokens } = await registerAndLogin();
    const launch = await send("POST", "/v1/games/sim-slot/launch", { token: tokens.accessToken, body: {} });
    expect(launch.status).toBe(201);
    const body = (await launch.json()) as { token: string; launchUrl: string };
    expect(body.token).toBe(`tok_${tokens.sessionId}_sim-slot_EUR`);
    const games = await send("GET", "/v1/games?currency=EUR");
    expect(games.status).toBe(200);
  });
});
