// Semantics of every operation over HTTP, against a real PostgreSQL: results, every refusal code,
// and that a refusal moves no money.
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
const bet = (playerId: string, amount: string, extra: Record<string, unknown> = {}) => ({
  playerId,
  currency: "EUR",
  amount,
  betId: uid("bet"),
  roundId: uid("rnd"),
  gameId: "game-1",
  providerId: "prov-1",
  ...extra,
});
async function balanceOf(playerId: string) {
  const res = await fx.call<{ balances: { currency: string; cash: string; bonus: string; held: string }[] }>(
    "bridge",
    "GET",
    `/v1/players/${playerId}/balances`,
  );
  return res.body.balances[0];
}

describe("accounts", () => {
  it("opens an account once (201, then 200) and reads an empty balance", async () => {
    const playerId = uid("ply");
    const first = await fx.call("player-api", "POST", `/v1/players/${playerId}/accounts`, {
      currency: "EUR",
      jurisdiction: "eu",
    });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ playerId, currency: "EUR", jurisdiction: "eu", status: "active" });
    const again = await fx.call("player-api", "POST", `/v1/players/${playerId}/accounts`, {
      currency: "EUR",
      jurisdiction: "eu",
    });
    expect(again.status).toBe(200);
    const other = await fx.call("player-api", "POST", `/v1/players/${playerId}/accounts`, {
      currency: "GBP",
      jurisdiction: "uk",
    });
    expect(other.status).toBe(409);
    expect(other.body.code).toBe("jurisdiction_mismatch");
    expect(await balanceOf(playerId)).toEqual({
      currency: "EUR",
      cash: "0",
      bonus: "0",
      total: "0",
      held: "0",
    });
  });

  it("opens accounts in sub-national jurisdictions such as Ontario", async () => {
    const playerId = uid("ply");
    const opened = await fx.call("player-api", "POST", `/v1/players/${playerId}/accounts`, {
      currency: "CAD",
      jurisdiction: "ca-on",
    });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ playerId, currency: "CAD", jurisdiction: "ca-on" });
  });

  it("answers unknown_account for balances of an unknown player", async () => {
    const res = await fx.call("bridge", "GET", `/v1/players/${uid("ply")}/balances`);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe("unknown_account");
  });
});

describe("authentication and roles", () => {
  it("refuses calls without a valid service token", async () => {
    const res = await fx.request(null, "POST", "/v1/bets", bet("ply_x", "1"), key());
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
  });
  it("refuses an operation outside the caller's role", async () => {
    const playerId = await fundedPlayer(fx, "0");
    const deposit = await fx.call(
      "bridge",
      "POST",
      "/v1/deposits",
      { playerId, currency: "EUR", amount: "100", depositId: uid("d"), psp: "x", pspReference: "y" },
      key(),
    );
    expect(deposit.status).toBe(403);
    expect(deposit.body.code).toBe("forbidden_operation");
    const betByCashier = await fx.call("cashier", "POST", "/v1/bets", bet(playerId, "1"), key());
    expect(betByCashier.status).toBe(403);
    expect(betByCashier.body.code).toBe("forbidden_operation");
    expect((await balanceOf(playerId))?.cash).toBe("0");
  });
});

describe("bad input", () => {
  it("is a 400 problem and moves no money", async () => {
    const playerId = await fundedPlayer(fx, "1000");
    for (const body of [
      bet(playerId, "-5"),
      bet(playerId, "1.5"),
      bet(playerId, "99999999999999999999"),
      { ...bet(playerId, "10"), currency: "XXX" },
      { ...bet(playerId, "10"), unexpected: true },
      { playerId },
    ]) {
      const res = await fx.call("bridge", "POST", "/v1/bets", body, key());
      expect(res.status).toBe(400);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
    }
    const noKey = await fx.call("bridge", "POST", "/v1/bets", bet(playerId, "10"));
    expect(noKey.status).toBe(400);
    const badKey = await fx.call("bridge", "POST", "/v1/bets", bet(playerId, "10"), {
      "idempotency-key": "has space",
    });
    expect(badKey.status).toBe(400);
    expect((await balanceOf(playerId))?.cash).toBe("1000");
  });
});

describe("bets, wins and rollbacks", () => {
  it("debits a bet and credits a win against it", async () => {
    const playerId = await fundedPlayer(fx, "10000");
    const b = bet(playerId, "2500");
    const placed = await fx.call("bridge", "POST", "/v1/bets", b, key());
    expect(placed.status).toBe(201);
    expect(placed.body).toMatchObject({
      betId: b.betId,
      balance: { cash: "7500", bonus: "0", total: "7500" },
      debited: { cash: "2500", bonus: "0" },
    });
    expect(String(placed.body.txId)).toMatch(/^tx_[0-9a-f]{32}$/);
    const win = await fx.call(
      "bridge",
      "POST",
      "/v1/wins",
      {
        playerId,
        currency: "EUR",
        amount: "6000",
        winId: uid("win"),
        betId: b.betId,
        roundId: b.roundId,
        gameId: "game-1",
        providerId: "prov-1",
      },
      key(),
    );
    expect(win.status).toBe(201);
    expect(win.body).toMatchObject({
      balance: { cash: "13500", total: "13500" },
      credited: { cash: "6000", bonus: "0" },
    });
  });

  it("refuses a bet beyond the balance with insufficient_funds and the balance", async () => {
    const playerId = await fundedPlayer(fx, "100");
    const res = await fx.call("bridge", "POST", "/v1/bets", bet(playerId, "101"), key());
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      code: "insufficient_funds",
      balance: { cash: "100", bonus: "0", total: "100" },
    });
  });

  it("refuses unknown accounts and other currencies", async () => {
    const unknown = await fx.call("bridge", "POST", "/v1/bets", bet(uid("ply"), "1"), key());
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe("unknown_account");
    const playerId = await fundedPlayer(fx, "100");
    const gbp = await fx.call(
      "bridge",
      "POST",
      "/v1/bets",
      { ...bet(playerId, "1"), currency: "GBP" },
      key(),
    );
    expect(gbp.status).toBe(422);
    expect(gbp.body.code).toBe("currency_mismatch");
  });

  it("wins against a round, refuses unknown references and rolled-back bets", async () => {
    const playerId = await fundedPlayer(fx, "1000");
    const roundId = uid("rnd");
    const b1 = bet(playerId, "100", { roundId });
    const b2 = bet(playerId, "100", { roundId });
    expect((await fx.call("bridge", "POST", "/v1/bets", b1, key())).status).toBe(201);
    expect((await fx.call("bridge", "POST", "/v1/bets", b2, key())).status).toBe(201);
    const win = (extra: Record<string, unknown>) => ({
      playerId,
      currency: "EUR",
      amount: "50",
      winId: uid("win"),
      roundId,
      gameId: "game-1",
      providerId: "prov-1",
      ...extra,
    });
    // one bet of a multi-bet round rolled back; the other stays open
    const rb = await fx.call(
      "bridge",
      "POST",
      "/v1/rollbacks",
      { playerId, currency: "EUR", rollbackId: uid("rb"), betId: b1.betId, providerId: "prov-1" },
      key(),
    );
    expect(rb.status).toBe(201);
    expect(rb.body).toMatchObject({ tombstone: false, balance: { cash: "900" } });
    const onRolledBack = await fx.call("bridge", "POST", "/v1/wins", win({ betId: b1.betId }), key());
    expect(onRolledBack.status).toBe(409);
    expect(onRolledBack.body.code).toBe("already_rolled_back");
    const unknownBet = await fx.call("bridge", "POST", "/v1/wins", win({ betId: uid("bet") }), key());
    expect(unknownBet.status).toBe(404);
    expect(unknownBet.body.code).toBe("unknown_reference");
    const unknownRound = await fx.call("bridge", "POST", "/v1/wins", win({ roundId: uid("rnd") }), key());
    expect(unknownRound.status).toBe(404);
    expect(unknownRound.body.code).toBe("unknown_reference");
    const onRound = await fx.call("bridge", "POST", "/v1/wins", win({ closeRound: true }), key());
    expect(onRound.status).toBe(201);
    expect(onRound.body).toMatchObject({ balance: { cash: "950" } });
    const rollbackSettled = await fx.call(
      "bridge",
      "POST",
      "/v1/rollbacks",
      { playerId, currency: "EUR", rollbackId: uid("rb"), betId: b2.betId, providerId: "prov-1" },
      key(),
    );
    expect(rollbackSettled.status).toBe(409);
    expect(rollbackSettled.body.code).toBe("already_settled");
    const zeroWin = await fx.call("bridge", "POST", "/v1/wins", win({ amount: "0" }), key());
    expect(zeroWin.status).toBe(201);
  });

  it("tombstones a rollback of an unknown bet and refuses that bet later", async () => {
    const playerId = await fundedPlayer(fx, "1000");
    const b = bet(playerId, "100");
    const rb = await fx.call(
      "bridge",
      "POST",
      "/v1/rollbacks",
      { playerId, currency: "EUR", rollbackId: uid("rb"), betId: b.betId, providerId: "prov-1" },
      key(),
    );
    expect(rb.status).toBe(201);
    expect(rb.body).toMatchObject({ txId: null, tombstone: true, balance: { cash: "1000" } });
    const late = await fx.call("bridge", "POST", "/v1/bets", b, key());
    expect(late.status).toBe(409);
    expect(late.body.code).toBe("bet_rolled_back");
    expect((await balanceOf(playerId))?.cash).toBe("1000");
  });

  it("refuses a bet id reused with another payload (duplicate_bet) and replays the same payload", async () => {
    const playerId = await fundedPlayer(fx, "1000");
    const b = bet(playerId, "100");
    const first = await fx.call("bridge", "POST", "/v1/bets", b, key());
    const sameBetNewKey = await fx.call("bridge", "POST", "/v1/bets", b, key());
    expect(sameBetNewKey.status).toBe(201);
    expect(sameBetNewKey.body).toEqual(first.body);
    expect(sameBetNewKey.headers.get("idempotent-replayed")).toBe("true");
    const changed = await fx.call("bridge", "POST", "/v1/bets", { ...b, amount: "200" }, key());
    expect(changed.status).toBe(409);
    expect(changed.body.code).toBe("duplicate_bet");
    expect((await balanceOf(playerId))?.cash).toBe("900");
  });
});

describe("idempotency", () => {
  it("replays the stored response and refuses the key with another body", async () => {
    const playerId = await fundedPlayer(fx, "1000");
    const headers = key();
    const b = bet(playerId, "100");
    const first = await fx.call("bridge", "POST", "/v1/bets", b, headers);
    const replay = await fx.call("bridge", "POST", "/v1/bets", { ...b }, headers);
    expect(replay.status).toBe(first.status);
    expect(replay.body).toEqual(first.body);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    const conflict = await fx.call("bridge", "POST", "/v1/bets", { ...b, amount: "101" }, headers);
    expect(conflict.status).toBe(409);
    expect(conflict.body.code).toBe("idempotency_conflict");
    expect((await balanceOf(playerId))?.cash).toBe("900");
  });
  it("scopes keys to the caller", async () => {
    const playerId = await fundedPlayer(fx, "0");
    const headers = key();
    const dep = {
      playerId,
      currency: "EUR",
      amount: "500",
      depositId: uid("dep"),
      psp: "x",
      pspReference: "y",
    };
    expect((await fx.call("cashier", "POST", "/v1/deposits", dep, headers)).status).toBe(201);
    // the same key from another caller is a different key
    const b = await fx.call("bridge", "POST", "/v1/bets", bet(playerId, "100"), headers);
    expect(b.status).toBe(201);
    expect(b.headers.get("idempotent-replayed")).toBeNull();
  });
});

describe("cashier", () => {
  it("deposits, holds, commits and releases withdrawals", async () => {
    const playerId = await fundedPlayer(fx, "10000");
    const w1 = uid("wd");
    const hold = await fx.call(
      "cashier",
      "POST",
      "/v1/withdrawals",
      { playerId, currency: "EUR", amount: "4000", withdrawalId: w1 },
      key(),
    );
    expect(hold.status).toBe(201);
    expect(hold.body).toMatchObject({ status: "pending", balance: { cash: "6000" } });
    expect(await balanceOf(playerId)).toMatchObject({ cash: "6000", held: "4000" });
    const commit = await fx.call("cashier", "POST", `/v1/withdrawals/${w1}/commit`);
    expect(commit.status).toBe(200);
    expect(commit.body).toMatchObject({ status: "committed" });
    expect((await fx.call("cashier", "POST", `/v1/withdrawals/${w1}/commit`)).body).toEqual(commit.body);
    const releaseCommitted = await fx.call("cashier", "POST", `/v1/withdrawals/${w1}/release`);
    expect(releaseCommitted.status).toBe(409);
    expect(releaseCommitted.body.code).toBe("hold_not_pending");
    const w2 = uid("wd");
    await fx.call(
      "cashier",
      "POST",
      "/v1/withdrawals",
      { playerId, currency: "EUR", amount: "1000", withdrawalId: w2 },
      key(),
    );
    const release = await fx.call("cashier", "POST", `/v1/withdrawals/${w2}/release`);
    expect(release.status).toBe(200);
    expect(release.body).toMatchObject({ status: "released" });
    expect(await balanceOf(playerId)).toMatchObject({ cash: "6000", held: "0" });
    const tooMuch = await fx.call(
      "cashier",
      "POST",
      "/v1/withdrawals",
      { playerId, currency: "EUR", amount: "6001", withdrawalId: uid("wd") },
      key(),
    );
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.code).toBe("insufficient_funds");
    const unknown = await fx.call("cashier", "POST", `/v1/withdrawals/${uid("wd")}/commit`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe("unknown_reference");
  });

  it("releases expired holds and refuses to commit them", async () => {
    const playerId = await fundedPlayer(fx, "1000");
    const w = uid("wd");
    await fx.call(
      "cashier",
      "POST",
      "/v1/withdrawals",
      { playerId, currency: "EUR", amount: "300", withdrawalId: w, expiresInSeconds: 1 },
      key(),
    );
    await new Promise((r) => setTimeout(r, 1100));
    const commit = await fx.call("cashier", "POST", `/v1/withdrawals/${w}/commit`);
    expect(commit.status).toBe(409);
    expect(commit.body.code).toBe("hold_expired");
    expect(await balanceOf(playerId)).toMatchObject({ cash: "1000", held: "0" });
    const w2 = uid("wd");
    await fx.call(
      "cashier",
      "POST",
      "/v1/withdrawals",
      { playerId, currency: "EUR", amount: "300", withdrawalId: w2, expiresInSeconds: 1 },
      key(),
    );
    await new Promise((r) => setTimeout(r, 1100));
    const [row] = await fx.sql<{ n: number }[]>`select ledger_release_expired_holds('eu', 100) as n`;
    expect(row?.n).toBeGreaterThanOrEqual(1);
    expect(await balanceOf(playerId)).toMatchObject({ cash: "1000", held: "0" });
  });
});

describe("adjustments and bonuses", () => {
  it("adjusts with actor and reason, never below zero", async () => {
    const playerId = await fundedPlayer(fx, "1000");
    const adj = (amount: string, bucket = "cash") => ({
      playerId,
      currency: "EUR",
      amount,
      bucket,
      actor: "stf_1",
      reason: "goodwill",
      adjustmentId: uid("adj"),
    });
    expect((await fx.call("player-api", "POST", "/v1/adjustments", adj("500"), key())).body).toMatchObject({
      balance: { cash: "1500" },
    });
    const below = await fx.call("player-api", "POST", "/v1/adjustments", adj("-1501"), key());
    expect(below.status).toBe(422);
    expect(below.body.code).toBe("insufficient_funds");
    const noReason = await fx.call(
      "player-api",
      "POST",
      "/v1/adjustments",
      { ...adj("5"), reason: "" },
      key(),
    );
    expect(noReason.status).toBe(400);
    const nul = await fx.call(
      "player-api",
      "POST",
      "/v1/adjustments",
      { ...adj("5"), reason: "a\u0000b" },
      key(),
    );
    expect(nul.status).toBe(400);
    expect((await balanceOf(playerId))?.cash).toBe("1500");
  });

  it("grants, bets from bonus, converts and forfeits", async () => {
    const playerId = await fundedPlayer(fx, "100");
    const bonusId = uid("bon");
    const grant = await fx.call(
      "player-api",
      "POST",
      "/v1/bonuses/grants",
      { playerId, currency: "EUR", amount: "1000", bonusId },
      key(),
    );
    expect(grant.status).toBe(201);
    expect(grant.body).toMatchObject({ balance: { cash: "100", bonus: "1000", total: "1100" } });
    // cash first in eu: 100 cash + 200 bonus
    const b = bet(playerId, "300");
    const placed = await fx.call("bridge", "POST", "/v1/bets", b, key());
    expect(placed.body).toMatchObject({ debited: { cash: "100", bonus: "200" } });
    // the win returns in the stake's proportions: 1/3 cash, 2/3 bonus
    const win = await fx.call(
      "bridge",
      "POST",
      "/v1/wins",
      {
        playerId,
        currency: "EUR",
        amount: "600",
        winId: uid("w"),
        betId: b.betId,
        roundId: b.roundId,
        gameId: "g",
        providerId: "prov-1",
      },
      key(),
    );
    expect(win.body).toMatchObject({ credited: { cash: "200", bonus: "400" } });
    const convert = await fx.call("player-api", "POST", `/v1/bonuses/${bonusId}/convert`, { amount: "200" });
    expect(convert.status).toBe(200);
    expect(convert.body).toMatchObject({ converted: "200", balance: { cash: "400", bonus: "1000" } });
    const forfeit = await fx.call("player-api", "POST", `/v1/bonuses/${bonusId}/forfeit`);
    expect(forfeit.status).toBe(200);
    expect(forfeit.body).toMatchObject({ forfeited: "800", balance: { cash: "400", bonus: "200" } });
    const again = await fx.call("player-api", "POST", `/v1/bonuses/${bonusId}/convert`, {});
    expect(again.status).toBe(409);
    expect(again.body.code).toBe("bonus_not_active");
  });
});

describe("history and point-in-time balances", () => {
  it("lists entries newest first with the balance after each, and balances as of an instant", async () => {
    const playerId = await fundedPlayer(fx, "1000");
    await fx.call("bridge", "POST", "/v1/bets", bet(playerId, "100"), key());
    await fx.call("bridge", "POST", "/v1/bets", bet(playerId, "50"), key());
    const page1 = await fx.call<{
      items: { kind: string; amount: string; balanceAfter: { cash: string } }[];
      nextCursor: string | null;
    }>("player-api", "GET", `/v1/players/${playerId}/transactions?currency=EUR&limit=2`);
    expect(page1.status).toBe(200);
    expect(page1.body.items.map((i) => [i.kind, i.amount, i.balanceAfter.cash])).toEqual([
      ["bet", "-50", "850"],
      ["bet", "-100", "900"],
    ]);
    expect(page1.body.nextCursor).not.toBeNull();
    const page2 = await fx.call<{
      items: { kind: string; amount: string; createdAt: string }[];
      nextCursor: string | null;
    }>(
      "player-api",
      "GET",
      `/v1/players/${playerId}/transactions?currency=EUR&limit=2&cursor=${page1.body.nextCursor}`,
    );
    expect(page2.body.items.map((i) => [i.kind, i.amount])).toEqual([["deposit", "1000"]]);
    expect(page2.body.nextCursor).toBeNull();
    const asOf = await fx.call<{ balances: { cash: string }[] }>(
      "cashier",
      "GET",
      `/v1/players/${playerId}/balances?asOf=${page2.body.items[0]?.createdAt}`,
    );
    expect(asOf.body.balances[0]?.cash).toBe("1000");
  });
});

describe("metrics", () => {
  it("exports wallet_op_duration_seconds by operation and outcome", async () => {
    const playerId = await fundedPlayer(fx, "100");
    await fx.call("bridge", "POST", "/v1/bets", bet(playerId, "1000"), key());
    const text = await (await fx.request(null, "GET", "/metrics")).text();
    expect(text).toMatch(
      /wallet_op_duration_seconds_count\{[^}]*operation="deposit"[^}]*outcome="ok"[^}]*\} [1-9]/,
    );
    expect(text).toMatch(
      /wallet_op_duration_seconds_bucket\{le="0.1"[^}]*operation="bet"[^}]*outcome="refused"/,
    );
  });
});

describe("extreme amounts", () => {
  it("refuses a deposit that would overflow the balance with a 422, moving nothing", async () => {
    const playerId = await fundedPlayer(fx, "999999999999999999");
    const dep = { playerId, currency: "EUR", psp: "t", pspReference: "r" };
    let refused: { status: number; body: Record<string, unknown> } | undefined;
    for (let i = 0; i < 12 && !refused; i++) {
      const res = await fx.call(
        "cashier",
        "POST",
        "/v1/deposits",
        { ...dep, amount: "999999999999999999", depositId: uid("d") },
        key(),
      );
      if (res.status !== 201) refused = res;
    }
    expect(refused?.status).toBe(422);
    expect(refused?.body.code).toBe("amount_out_of_range");
    const balance = await balanceOf(playerId);
    expect(BigInt(balance?.cash ?? "0") % 999999999999999999n).toBe(0n);
  });
});

describe("point-in-time input", () => {
  it("answers 400 for an instant PostgreSQL cannot place", async () => {
    const playerId = await fundedPlayer(fx, "1");
    const res = await fx.call(
      "cashier",
      "GET",
      `/v1/players/${playerId}/balances?asOf=0212-01-29T23%3A57%3A00.2-20%3A12`,
    );
    expect(res.status).toBe(400);
  });
});
