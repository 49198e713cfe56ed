// Responsible gaming inside the money transaction: limits, exclusions and status block bets and
// deposits, and never block wins, rollbacks or withdrawals.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fundedPlayer, type LedgerFixture, ledgerFixture, uid } from "./support/fixture.ts";

let fx: LedgerFixture;
beforeAll(async () => {
  fx = await ledgerFixture();
});
afterAll(async () => {
  await fx?.close();
});

const key = () => ({ "idempotency-key": uid("k") });
const bet = (playerId: string, amount: string) => ({
  playerId,
  currency: "EUR",
  amount,
  betId: uid("bet"),
  roundId: uid("rnd"),
  gameId: "g",
  providerId: "prov-1",
});
const deposit = (playerId: string, amount: string) => ({
  playerId,
  currency: "EUR",
  amount,
  depositId: uid("dep"),
  psp: "test",
  pspReference: uid("ref"),
});
const controls = (playerId: string, body: Record<string, unknown>) =>
  fx.call("player-api", "PUT", `/v1/players/${playerId}/controls`, { currency: "EUR", ...body });

describe("deposit limits", () => {
  it("refuses a deposit over the daily limit with the remaining amount, and accepts up to it", async () => {
    const playerId = await fundedPlayer(fx, "0");
    const set = await controls(playerId, { limits: { deposit: { day: "1000", month: "5000" } } });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({
      currency: "EUR",
      limits: { deposit: { day: "1000", week: null, month: "5000" } },
    });
    expect((await fx.call("cashier", "POST", "/v1/deposits", deposit(playerId, "700"), key())).status).toBe(
      201,
    );
    const over = await fx.call("cashier", "POST", "/v1/deposits", deposit(playerId, "301"), key());
    expect(over.status).toBe(422);
    expect(over.body).toMatchObject({
      code: "limit_exceeded",
      limit: { kind: "deposit", period: "day", remaining: "300" },
    });
    expect((await fx.call("cashier", "POST", "/v1/deposits", deposit(playerId, "300"), key())).status).toBe(
      201,
    );
    // removing the limit lifts it
    await controls(playerId, { limits: { deposit: { day: null } } });
    expect((await fx.call("cashier", "POST", "/v1/deposits", deposit(playerId, "3000"), key())).status).toBe(
      201,
    );
    const monthly = await fx.call("cashier", "POST", "/v1/deposits", deposit(playerId, "1001"), key());
    expect(monthly.body).toMatchObject({
      code: "limit_exceeded",
      limit: { period: "month", remaining: "1000" },
    });
  });
});

describe("loss limits", () => {
  it("counts stakes minus wins and refuses the bet that would exceed the limit", async () => {
    const playerId = await fundedPlayer(fx, "100000");
    await controls(playerId, { limits: { loss: { week: "1000" } } });
    const b = bet(playerId, "800");
    expect((await fx.call("bridge", "POST", "/v1/bets", b, key())).status).toBe(201);
    const over = await fx.call("bridge", "POST", "/v1/bets", bet(playerId, "201"), key());
    expect(over.status).toBe(422);
    expect(over.body).toMatchObject({
      code: "limit_exceeded",
      limit: { kind: "loss", period: "week", remaining: "200" },
    });
    // a win reduces the net loss; it is never blocked
    const win = await fx.call(
      "bridge",
      "POST",
      "/v1/wins",
      {
        playerId,
        currency: "EUR",
        amount: "500",
        winId: uid("w"),
        betId: b.betId,
        roundId: b.roundId,
        gameId: "g",
        providerId: "prov-1",
      },
      key(),
    );
    expect(win.status).toBe(201);
    expect((await fx.call("bridge", "POST", "/v1/bets", bet(playerId, "700"), key())).status).toBe(201);
  });
});

describe("exclusion and status", () => {
  it("self-exclusion blocks bets and deposits but not wins, rollbacks or withdrawals", async () => {
    const playerId = await fundedPlayer(fx, "10000");
    const open = bet(playerId, "1000");
    const open2 = bet(playerId, "1000");
    await fx.call("bridge", "POST", "/v1/bets", open, key());
    await fx.call("bridge", "POST", "/v1/bets", open2, key());
    const set = await controls(playerId, { exclusion: { kind: "self_exclusion", until: null } });
    expect(set.body).toMatchObject({ exclusion: { kind: "self_exclusion", until: null, active: true } });
    const refused = await fx.call("bridge", "POST", "/v1/bets", bet(playerId, "1"), key());
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe("self_excluded");
    const dep = await fx.call("cashier", "POST", "/v1/deposits", deposit(playerId, "1"), key());
    expect(dep.status).toBe(403);
    expect(dep.body.code).toBe("self_excluded");
    const win = await fx.call(
      "bridge",
      "POST",
      "/v1/wins",
      {
        playerId,
        currency: "EUR",
        amount: "3000",
        winId: uid("w"),
        betId: open.betId,
        roundId: open.roundId,
        gameId: "g",
        providerId: "prov-1",
      },
      key(),
    );
    expect(win.status).toBe(201);
    const rb = await fx.call(
      "bridge",
      "POST",
      "/v1/rollbacks",
      { playerId, currency: "EUR", rollbackId: uid("rb"), betId: open2.betId, providerId: "prov-1" },
      key(),
    );
    expect(rb.status).toBe(201);
    const wd = await fx.call(
      "cashier",
      "POST",
      "/v1/withdrawals",
      { playerId, currency: "EUR", amount: "5000", withdrawalId: uid("wd") },
      key(),
    );
    expect(wd.status).toBe(201);
    expect(wd.body).toMatchObject({ balance: { cash: "7000" } });
  });

  it("a cool-off ends at its time; lifting the exclusion restores play", async () => {
    const playerId = await fundedPlayer(fx, "10000");
    await controls(playerId, {
      exclusion: { kind: "cool_off", until: new Date(Date.now() + 3_600_000).toISOString() },
    });
    expect((await fx.call("bridge", "POST", "/v1/bets", bet(playerId, "1"), key())).body.code).toBe(
      "self_excluded",
    );
    await controls(playerId, {
      exclusion: { kind: "cool_off", until: new Date(Date.now() - 1000).toISOString() },
    });
    expect((await fx.call("bridge", "POST", "/v1/bets", bet(playerId, "1"), key())).status).toBe(201);
    await controls(playerId, { exclusion: { kind: "self_exclusion", until: null } });
    await controls(playerId, { exclusion: null });
    expect((await fx.call("bridge", "POST", "/v1/bets", bet(playerId, "1"), key())).status).toBe(201);
  });

  it("a blocked account cannot bet or deposit, but can withdraw", async () => {
    const playerId = await fundedPlayer(fx, "10000");
    const got = await controls(playerId, { status: "blocked" });
    expect(got.body).toMatchObject({ status: "blocked" });
    expect((await fx.call("player-api", "GET", `/v1/players/${playerId}/controls`)).body).toEqual(got.body);
    const b = await fx.call("bridge", "POST", "/v1/bets", bet(playerId, "1"), key());
    expect(b.status).toBe(403);
    expect(b.body.code).toBe("account_blocked");
    expect((await fx.call("cashier", "POST", "/v1/deposits", deposit(playerId, "1"), key())).body.code).toBe(
      "account_blocked",
    );
    const wd = await fx.call(
      "cashier",
      "POST",
      "/v1/withdrawals",
      { playerId, currency: "EUR", amount: "100", withdrawalId: uid("wd") },
      key(),
    );
    expect(wd.status).toBe(201);
  });
});
