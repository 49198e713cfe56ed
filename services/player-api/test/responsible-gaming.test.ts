// Responsible-gaming self-service against a real ledger: limits reach the ledger's enforcement,
// raises wait for the cooling-off period, and self-exclusion stops bets and deposits but not wins.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServiceClient } from "../src/clients/service-client.ts";
import {
  edgeClient,
  ledgerAs,
  newPlayerInput,
  startLedger,
  startPlayerApi,
  type TestPlayerApi,
} from "./support/platform.ts";

let ledger: Awaited<ReturnType<typeof startLedger>>;
let api: TestPlayerApi;
let send: ReturnType<typeof edgeClient>;
let asPlayerApi: ServiceClient;
let asBridge: ServiceClient;
let asCashier: ServiceClient;

beforeAll(async () => {
  ledger = await startLedger();
  api = await startPlayerApi({ ledgerUrl: ledger.ledger.url });
  send = edgeClient(api.app, { now: api.deps.clock });
  asPlayerApi = ledgerAs("player-api", ledger.ledger.url);
  asBridge = ledgerAs("bridge", ledger.ledger.url);
  asCashier = ledgerAs("cashier", ledger.ledger.url);
});

afterAll(async () => {
  await api?.stop();
  await ledger?.stop();
});

const correlation = { "x-request-id": "req_rg_test" };

async function newPlayer() {
  const input = newPlayerInput();
  expect((await send("POST", "/v1/auth/register", { body: input })).status).toBe(201);
  const login = await send("POST", "/v1/auth/login", {
    body: { email: input.email, password: input.password },
  });
  return {
    input,
    tokens: (await login.json()) as { accessToken: string; refreshToken: string; playerId: string },
  };
}

async function ledgerControls(playerId: string) {
  const res = await asPlayerApi.call<{
    limits: { deposit: Record<string, string | null> };
    exclusion: unknown;
  }>("GET", `/v1/players/${playerId}/controls`, { correlation });
  expect(res.status).toBe(200);
  return res.body;
}

let sequence = 0;
function deposit(playerId: string, amount: string) {
  sequence += 1;
  const depositId = `dep_${Date.now()}_${sequence}`;
  return asCashier.call("POST", "/v1/deposits", {
    correlation,
    headers: { "idempotency-key": depositId },
    body: { playerId, currency: "EUR", amount, depositId, psp: "test", pspReference: depositId },
  });
}

function bet(playerId: string, roundId: string, amount: string) {
  sequence += 1;
  const betId = `bet_${Date.now()}_${sequence}`;
  return asBridge.call("POST", "/v1/bets", {
    correlation,
    headers: { "idempotency-key": betId },
    body: { playerId, currency: "EUR", amount, betId, roundId, gameId: "sim-slot", providerId: "sim" },
  });
}

describe("limits", () => {
  it("applies a new or lower limit at once and tells the ledger", async () => {
    const { tokens } = await newPlayer();
    const set = await send("PUT", "/v1/limits", {
      token: tokens.accessToken,
      body: { deposit: { day: "5000000" } },
    });
    expect(set.status).toBe(200);
    expect(await set.json()).toMatchObject({
      deposit: { day: { current: "5000000", pending: null } },
      raiseCooldownHours: 24,
    });
    expect((await ledgerControls(tokens.playerId)).limits.deposit.day).toBe("5000000");
    // The ledger enforces it.
    expect((await deposit(tokens.playerId, "3000000")).status).toBe(201);
    const over = await deposit(tokens.playerId, "3000000");
    expect(over.status).toBe(422);

    const lower = await send("PUT", "/v1/limits", {
      token: tokens.accessToken,
      body: { deposit: { day: "4000000" } },
    });
    expect(await lower.json()).toMatchObject({ deposit: { day: { current: "4000000", pending: null } } });
    expect((await ledgerControls(tokens.playerId)).limits.deposit.day).toBe("4000000");
  });

  it("holds a raise or a removal for the cooling-off period, then applies it", async () => {
    const { tokens } = await newPlayer();
    await send("PUT", "/v1/limits", {
      token: tokens.accessToken,
      body: { deposit: { week: "1000000" }, loss: { day: "200000" } },
    });
    const raise = await send("PUT", "/v1/limits", {
      token: tokens.accessToken,
      body: { deposit: { week: "9000000" }, loss: { day: null } },
    });
    const body = (await raise.json()) as {
      deposit: { week: { current: string; pending: { value: string; effectiveAt: string } } };
      loss: { day: { current: string; pending: { value: null } } };
    };
    expect(body.deposit.week.current).toBe("1000000");
    expect(body.deposit.week.pending.value).toBe("9000000");
    const wait = Date.parse(body.deposit.week.pending.effectiveAt) - api.deps.clock().getTime();
    expect(wait).toBeGreaterThan(23.9 * 3_600_000);
    expect(wait).toBeLessThanOrEqual(24 * 3_600_000);
    expect(body.loss.day).toMatchObject({ current: "200000", pending: { value: null } });
    expect((await ledgerControls(tokens.playerId)).limits.deposit.week).toBe("1000000");

    api.advance(24 * 3_600_000 + 1_000);
    const fresh = (await (
      await send("POST", "/v1/auth/refresh", { body: { refreshToken: tokens.refreshToken } })
    ).json()) as {
      accessToken: string;
    };
    const later = await send("GET", "/v1/limits", { token: fresh.accessToken });
    expect(await later.json()).toMatchObject({
      deposit: { week: { current: "9000000", pending: null } },
      loss: { day: { current: null, pending: null } },
    });
    expect((await ledgerControls(tokens.playerId)).limits.deposit.week).toBe("9000000");
  });

  it("refuses limits that are not positive whole units, and unknown fields", async () => {
    const { tokens } = await newPlayer();
    for (const body of [
      { deposit: { day: "-5" } },
      { deposit: { day: "1.5" } },
      { deposit: { year: "5" } },
      { bet: {} },
    ]) {
      expect((await send("PUT", "/v1/limits", { token: tokens.accessToken, body })).status).toBe(400);
    }
  });
});

describe("self-exclusion", () => {
  it("blocks new bets and deposits but not the win of a round already played", async () => {
    const { input, tokens } = await newPlayer();
    expect((await deposit(tokens.playerId, "1000000")).status).toBe(201);
    const roundId = `rnd_${Date.now()}`;
    const placed = await bet(tokens.playerId, roundId, "100000");
    expect(placed.status).toBe(201);

    const excluded = await send("POST", "/v1/self-exclusion", {
      token: tokens.accessToken,
      body: { period: "6m" },
    });
    expect(excluded.status).toBe(201);
    expect(await excluded.json()).toMatchObject({ kind: "self_exclusion", permanent: false });

    const refusedBet = await bet(tokens.playerId, `rnd_${Date.now()}_2`, "100000");
    expect(refusedBet.status).toBe(403);
    expect(refusedBet.body).toMatchObject({ code: "self_excluded" });
    const refusedDeposit = await deposit(tokens.playerId, "100000");
    expect(refusedDeposit.status).toBe(403);

    sequence += 1;
    const winId = `win_${Date.now()}_${sequence}`;
    const win = await asBridge.call("POST", "/v1/wins", {
      correlation,
      headers: { "idempotency-key": winId },
      body: {
        playerId: tokens.playerId,
        currency: "EUR",
        amount: "250000",
        winId,
        roundId,
        gameId: "sim-slot",
        providerId: "sim",
        closeRound: true,
      },
    });
    expect(win.status).toBe(201);

    // Every session ended; signing in again is refused while excluded; a shorter exclusion is refused.
    expect((await send("GET", "/v1/limits", { token: tokens.accessToken })).status).toBe(401);
    expect(
      (await send("POST", "/v1/auth/refresh", { body: { refreshToken: tokens.refreshToken } })).status,
    ).toBe(401);
    const login = await send("POST", "/v1/auth/login", {
      body: { email: input.email, password: input.password },
    });
    expect(login.status).toBe(403);
    expect(await login.json()).toMatchObject({ code: "self_excluded" });
  });

  it("takes a time-out that ends sessions and cannot be shortened", async () => {
    const { tokens } = await newPlayer();
    const timeOut = await send("POST", "/v1/time-out", { token: tokens.accessToken, body: { days: 7 } });
    expect(timeOut.status).toBe(201);
    expect(await timeOut.json()).toMatchObject({ kind: "cool_off", permanent: false });
    expect(((await ledgerControls(tokens.playerId)) as { exclusion: { kind: string } }).exclusion.kind).toBe(
      "cool_off",
    );
    expect(
      (await send("POST", "/v1/time-out", { token: tokens.accessToken, body: { days: 1 } })).status,
    ).toBe(401);
  });

  it("sets the reality-check interval", async () => {
    const { tokens } = await newPlayer();
    const set = await send("PUT", "/v1/reality-check", {
      token: tokens.accessToken,
      body: { intervalMinutes: 30 },
    });
    expect(set.status).toBe(200);
    expect(await set.json()).toEqual({ intervalMinutes: 30 });
    expect(await (await send("GET", "/v1/limits", { token: tokens.accessToken })).json()).toMatchObject({
      realityCheckMinutes: 30,
    });
  });
});
