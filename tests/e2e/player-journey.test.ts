// Cross-service flows through the real edge (wrangler dev / workerd), player-api, the ledger and the
// bridge: what a player does, and what must stop them when their session is revoked or excluded.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { repoRoot } from "@croupier/devstack/paths";
import { decodeProtectedHeader } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serviceClient } from "../../services/player-api/src/clients/service-client.ts";
import { edgeBrowser, type RunningEdge, startEdge } from "./support/edge.ts";
import { edgeSigningSecret, type Stack, secretOf, startStack } from "./support/stack.ts";

// Long enough to outlive the 31 s rotation lead below, short enough to wait for its expiry.
const ACCESS_TTL_SECONDS = 45;

let stack: Stack;
let edge: RunningEdge;
let browser: ReturnType<typeof edgeBrowser>;

beforeAll(async () => {
  stack = await startStack({
    playerApiEnv: { ACCESS_TOKEN_TTL_SECONDS: String(ACCESS_TTL_SECONDS), KEY_CACHE_TTL_MS: "200" },
  });
  edge = await startEdge({ playerApiUrl: stack.playerApi.url, edgeSigningSecret: edgeSigningSecret() });
  browser = edgeBrowser(edge.url);
});

afterAll(async () => {
  await edge?.stop();
  await stack?.stop();
});

interface Tokens {
  playerId: string;
  sessionId: string;
  accessToken: string;
  refreshToken: string;
}

let counter = 0;
async function signUp(): Promise<{ email: string; password: string; tokens: Tokens }> {
  counter += 1;
  const email = `e2e${Date.now()}${counter}@example.com`;
  const password = "a long enough passphrase";
  const registered = await browser("POST", "/v1/auth/register", {
    body: { email, password, dateOfBirth: "1991-02-03", country: "MT" },
  });
  expect(registered.status, await registered.clone().text()).toBe(201);
  const login = await browser("POST", "/v1/auth/login", { body: { email, password } });
  expect(login.status).toBe(200);
  return { email, password, tokens: (await login.json()) as Tokens };
}

async function firstGame(token: string): Promise<string> {
  const games = await browser("GET", "/v1/games?currency=EUR", { token });
  expect(games.status).toBe(200);
  const { items } = (await games.json()) as { items: { gameId: string }[] };
  expect(items.length).toBeGreaterThan(0);
  return (items[0] as { gameId: string }).gameId;
}

const ledgerAs = (caller: string) =>
  serviceClient({ name: "ledger", baseUrl: stack.ledger.url, caller, secret: secretOf(caller) });
const correlation = { "x-request-id": "req_e2e" };
let sequence = 0;
const nextId = (prefix: string) => `${prefix}_${Date.now()}_${++sequence}`;

describe("a player's session through the edge", () => {
  it("registers, signs in, refreshes, launches a game; logout revokes", async () => {
    const { tokens } = await signUp();
    const refreshed = await browser("POST", "/v1/auth/refresh", {
      token: tokens.accessToken,
      body: { refreshToken: tokens.refreshToken },
    });
    expect(refreshed.status).toBe(200);
    const session = (await refreshed.json()) as Tokens;
    expect(session.refreshToken).not.toBe(tokens.refreshToken);

    const gameId = await firstGame(session.accessToken);
    const launch = await browser("POST", `/v1/games/${encodeURIComponent(gameId)}/launch`, {
      token: session.accessToken,
      body: {},
    });
    expect(
      launch.status,
      `${await launch.clone().text()}\n${stack.bridge.output.slice(-5).join("\n")}\n${stack.simulatorOutput.join("\n")}`,
    ).toBe(201);
    expect(await launch.json()).toMatchObject({ launchUrl: expect.any(String), token: expect.any(String) });

    const balances = await browser("GET", "/v1/wallet/balances", { token: session.accessToken });
    expect(balances.status).toBe(200);

    const logout = await browser("POST", "/v1/auth/logout", {
      token: session.accessToken,
      body: { refreshToken: session.refreshToken },
    });
    expect(logout.status).toBe(204);
    // The access token has not expired, but its session has ended: refused on a money route...
    const after = await browser("POST", `/v1/games/${encodeURIComponent(gameId)}/launch`, {
      token: session.accessToken,
      body: {},
    });
    expect(after.status).toBe(401);
    expect(after.headers.get("www-authenticate")).toContain("Bearer");
    // ...on a read route, and the refresh token is dead.
    expect((await browser("GET", "/v1/wallet/balances", { token: session.accessToken })).status).toBe(401);
    expect(
      (await browser("POST", "/v1/auth/refresh", { body: { refreshToken: session.refreshToken } })).status,
    ).toBe(401);
  });

  it("a reused refresh token kills the whole family", async () => {
    const { tokens } = await signUp();
    const rotated = (await (
      await browser("POST", "/v1/auth/refresh", { body: { refreshToken: tokens.refreshToken } })
    ).json()) as Tokens;
    const replay = await browser("POST", "/v1/auth/refresh", { body: { refreshToken: tokens.refreshToken } });
    expect(replay.status).toBe(401);
    expect(await replay.json()).toMatchObject({ code: "refresh_token_reused" });
    expect(
      (await browser("POST", "/v1/auth/refresh", { body: { refreshToken: rotated.refreshToken } })).status,
    ).toBe(401);
    const gameId = await firstGame(rotated.accessToken);
    expect(
      (
        await browser("POST", `/v1/games/${encodeURIComponent(gameId)}/launch`, {
          token: rotated.accessToken,
          body: {},
        })
      ).status,
    ).toBe(401);
  });

  it("refuses a token signed by a retired key once it has expired", async () => {
    const { email, password, tokens } = await signUp();
    const oldKid = decodeProtectedHeader(tokens.accessToken).kid;
    // The next key is published at once and signs 31 s later: by then any edge that meets its kid may
    // refetch the JWKS (an unknown kid is looked up at most every 30 s).
    await rotateKeys(31);
    expect((await browser("GET", "/v1/wallet/balances", { token: tokens.accessToken })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 32_000));
    const fresh = (await (
      await browser("POST", "/v1/auth/login", { body: { email, password } })
    ).json()) as Tokens;
    expect(decodeProtectedHeader(fresh.accessToken).kid).not.toBe(oldKid);
    // Both keys verify at the edge while the old token lives...
    expect((await browser("GET", "/v1/wallet/balances", { token: tokens.accessToken })).status).toBe(200);
    expect((await browser("GET", "/v1/wallet/balances", { token: fresh.accessToken })).status).toBe(200);
    // ...and once it has expired (plus the edge's 5 s clock tolerance) it is refused.
    const expiresAt =
      (JSON.parse(atob(tokens.accessToken.split(".")[1] as string)) as { exp: number }).exp * 1000;
    await new Promise((r) => setTimeout(r, Math.max(0, expiresAt - Date.now()) + 6_500));
    const expired = await browser("GET", "/v1/wallet/balances", { token: tokens.accessToken });
    expect(expired.status).toBe(401);
    expect(expired.headers.get("www-authenticate")).toContain("invalid_token");
  }, 120_000);

  it("self-exclusion blocks new bets and deposits but not pending wins", async () => {
    const { email, password, tokens } = await signUp();
    const cashier = ledgerAs("cashier");
    const gaming = ledgerAs("bridge");
    const deposit = (amount: string) => {
      const depositId = nextId("dep");
      return cashier.call("POST", "/v1/deposits", {
        correlation,
        headers: { "idempotency-key": depositId },
        body: {
          playerId: tokens.playerId,
          currency: "EUR",
          amount,
          depositId,
          psp: "e2e",
          pspReference: depositId,
        },
      });
    };
    const bet = (roundId: string) => {
      const betId = nextId("bet");
      return gaming.call("POST", "/v1/bets", {
        correlation,
        headers: { "idempotency-key": betId },
        body: {
          playerId: tokens.playerId,
          currency: "EUR",
          amount: "100000",
          betId,
          roundId,
          gameId: "e2e-game",
          providerId: "e2e",
        },
      });
    };
    expect((await deposit("1000000")).status).toBe(201);
    const pendingRound = nextId("rnd");
    expect((await bet(pendingRound)).status).toBe(201);

    const excluded = await browser("POST", "/v1/self-exclusion", {
      token: tokens.accessToken,
      body: { period: "6m" },
    });
    expect(excluded.status, await excluded.clone().text()).toBe(201);

    expect((await bet(nextId("rnd"))).status).toBe(403);
    expect((await deposit("100000")).status).toBe(403);
    const winId = nextId("win");
    const win = await gaming.call("POST", "/v1/wins", {
      correlation,
      headers: { "idempotency-key": winId },
      body: {
        playerId: tokens.playerId,
        currency: "EUR",
        amount: "300000",
        winId,
        roundId: pendingRound,
        gameId: "e2e-game",
        providerId: "e2e",
        closeRound: true,
      },
    });
    expect(win.status).toBe(201);

    const gameId = await firstGame(tokens.accessToken);
    expect(
      (
        await browser("POST", `/v1/games/${encodeURIComponent(gameId)}/launch`, {
          token: tokens.accessToken,
          body: {},
        })
      ).status,
    ).toBe(401);
    const login = await browser("POST", "/v1/auth/login", { body: { email, password } });
    expect(login.status).toBe(403);
    expect(await login.json()).toMatchObject({ code: "self_excluded" });
  });
});

function rotateKeys(activateInSeconds: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(repoRoot, "services/player-api/src/rotate-keys.ts"), "--activate-in", String(activateInSeconds)],
      {
        env: {
          ...process.env,
          DATABASE_URL: stack.playerApiDatabaseUrl,
          SERVICE_TOKEN_SECRET: secretOf("player-api"),
          ACCESS_TOKEN_TTL_SECONDS: String(ACCESS_TTL_SECONDS),
        },
      },
    );
    let output = "";
    child.stdout.on("data", (d) => {
      output += d;
    });
    child.stderr.on("data", (d) => {
      output += d;
    });
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`rotate-keys exited ${code}: ${output}`)),
    );
  });
}
