import { assert, call, expectBalance, expectStatus, type Scenario, sleep, uuid } from "./scenario.ts";

export const betScenarios: Scenario[] = [
  {
    name: "bet: debits exactly the amount and answers the new balance",
    async run(t) {
      const p = await t.platform.player({ balance: 1_000_000n });
      const r = await call(t, "bet", p, { amount: 123_456n });
      expectStatus(t, r, "ok");
      assert.equal(r.balance, 876_544n);
      await expectBalance(t, p, 876_544n);
    },
  },
  {
    name: "bet: the whole balance can be staked",
    async run(t) {
      const p = await t.platform.player({ balance: 250_000n });
      expectStatus(t, await call(t, "bet", p, { amount: 250_000n }), "ok");
      await expectBalance(t, p, 0n);
    },
  },
  {
    name: "bet: over the balance is NOT_ENOUGH_MONEY with the actual balance, nothing debited",
    async run(t) {
      const p = await t.platform.player({ balance: 99_999n });
      const r = await call(t, "bet", p, { amount: 100_000n });
      expectStatus(t, r, "insufficient_funds");
      if (t.driver.balanceOnRefusal) assert.equal(r.balance, 99_999n);
      await expectBalance(t, p, 99_999n);
    },
  },
  {
    name: "bet: one wire unit (0.00001) over the smallest stake is debited exactly",
    async run(t) {
      // The game's minimum stake (if any) plus one unit, so the last digit is what is checked.
      const amount = ((await t.platform.stakeBounds("EUR")).minBet ?? 0n) + 1n;
      const p = await t.platform.player({ balance: amount + 99_999n });
      const r = await call(t, "bet", p, { amount });
      expectStatus(t, r, "ok");
      assert.equal(r.balance, 99_999n);
      await expectBalance(t, p, 99_999n);
    },
  },
  {
    name: "bet and win: large amounts stay exact",
    async run(t) {
      const { maxBet } = await t.platform.stakeBounds("EUR");
      const large = 23_456_789_011n;
      const stake = maxBet !== undefined && maxBet < large ? maxBet : large;
      const p = await t.platform.player({ balance: 123_456_789_012n });
      const [bet, round] = [uuid(), uuid()];
      expectStatus(t, await call(t, "bet", p, { tx: bet, round, amount: stake }), "ok");
      await expectBalance(t, p, 123_456_789_012n - stake);
      expectStatus(t, await call(t, "win", p, { ref: bet, round, amount: large, roundClosed: true }), "ok");
      await expectBalance(t, p, 123_456_789_012n - stake + large);
    },
  },
  {
    name: "bet: an unknown token is refused, nothing debited",
    async run(t) {
      const p = await t.platform.player({ balance: 1_000_000n });
      expectStatus(t, await call(t, "bet", p, { token: uuid() }), "invalid_token");
      await expectBalance(t, p, 1_000_000n);
    },
  },
  {
    name: "bet: an expired token is refused, nothing debited",
    async run(t) {
      const p = await t.platform.player({ balance: 1_000_000n, ttlSeconds: 1 });
      await sleep(1_200);
      expectStatus(t, await call(t, "bet", p), "token_expired");
      await expectBalance(t, p, 1_000_000n);
    },
  },
  {
    name: "bet: a token of another player is refused, nothing debited",
    async run(t) {
      const [p, q] = await Promise.all([t.platform.player({ balance: 1_000_000n }), t.platform.player()]);
      expectStatus(t, await call(t, "bet", p, { token: q.token }), "invalid_token");
      await expectBalance(t, p, 1_000_000n);
    },
  },
  {
    name: "bet: a currency other than the session's is refused",
    async run(t) {
      const p = await t.platform.player({ balance: 1_000_000n });
      expectStatus(t, await call(t, "bet", p, { currency: "GBP" }), "wrong_currency");
      await expectBalance(t, p, 1_000_000n);
    },
  },
  {
    name: "bet: an unknown currency code is refused",
    async run(t) {
      const p = await t.platform.player({ balance: 1_000_000n });
      expectStatus(t, await call(t, "bet", p, { currency: "XXX" }), "wrong_currency");
      await expectBalance(t, p, 1_000_000n);
    },
  },
  {
    name: "bet: an unknown game is refused",
    async run(t) {
      const p = await t.platform.player({ balance: 1_000_000n });
      expectStatus(
        t,
        await call(t, "bet", p, { game: `no_such_game_${uuid().slice(0, 8)}` }),
        "invalid_game",
      );
      await expectBalance(t, p, 1_000_000n);
    },
  },
  {
    name: "bet: a blocked player is refused as disabled",
    async run(t) {
      const p = await t.platform.player({ balance: 1_000_000n, status: "blocked" });
      expectStatus(t, await call(t, "bet", p), "user_disabled");
      await expectBalance(t, p, 1_000_000n);
    },
  },
  {
    name: "bet: a self-excluded player is refused as disabled",
    async run(t) {
      const p = await t.platform.player({ balance: 1_000_000n, selfExcluded: true });
      expectStatus(t, await call(t, "bet", p), "user_disabled");
      await expectBalance(t, p, 1_000_000n);
    },
  },
  {
    name: "bet: over the loss limit is refused as LIMIT_REACHED",
    async run(t) {
      const p = await t.platform.player({ balance: 1_000_000n, lossLimit: 150_000n });
      expectStatus(t, await call(t, "bet", p, { amount: 100_000n }), "ok");
      expectStatus(t, await call(t, "bet", p, { amount: 100_000n }), "limit_reached");
      await expectBalance(t, p, 900_000n);
    },
  },
  {
    name: "bet: within the loss limit is accepted",
    async run(t) {
      const p = await t.platform.player({ balance: 1_000_000n, lossLimit: 500_000n });
      expectStatus(t, await call(t, "bet", p, { amount: 500_000n }), "ok");
      await expectBalance(t, p, 500_000n);
    },
  },
  {
    name: "bet: several bets in one round are all accepted",
    async run(t) {
      const p = await t.platform.player({ balance: 1_000_000n });
      const round = uuid();
      for (let i = 0; i < 3; i++) expectStatus(t, await call(t, "bet", p, { round, amount: 100_000n }), "ok");
      await expectBalance(t, p, 700_000n);
    },
  },
  {
    name: "bet: a player blocked mid-session can no longer bet",
    async run(t) {
      const p = await t.platform.player({ balance: 1_000_000n });
      expectStatus(t, await call(t, "bet", p), "ok");
      await t.platform.controls(p.playerId, p.currency, { status: "blocked" });
      expectStatus(t, await call(t, "bet", p), "user_disabled");
      await expectBalance(t, p, 900_000n);
    },
  },
  {
    name: "bet: the session's token does not play another game",
    async run(t) {
      const p = await t.platform.player({ balance: 1_000_000n });
      const other = await call(t, "bet", p, { game: `other_${uuid().slice(0, 8)}` });
      expectStatus(t, other, "invalid_game");
      await expectBalance(t, p, 1_000_000n);
    },
  },
  {
    name: "bet: a free bet (is_free) is not debited and its win is paid",
    adapters: ["hub88"],
    async run(t) {
      const p = await t.platform.player({ balance: 1_000_000n });
      const round = uuid();
      const bet = uuid();
      const body = { ...t.driver.body("bet", p, { tx: bet, round, amount: 200_000n }), is_free: true };
      expectStatus(t, await t.driver.send("bet", body), "ok");
      await expectBalance(t, p, 1_000_000n);
      const win = {
        ...t.driver.body("win", p, { ref: bet, round, amount: 300_000n, roundClosed: true }),
        is_free: true,
      };
      expectStatus(t, await t.driver.send("win", win), "ok");
      await expectBalance(t, p, 1_300_000n);
    },
  },
];
