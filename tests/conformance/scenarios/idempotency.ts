import { assert, call, expectBalance, expectStatus, type Scenario, uuid } from "./scenario.ts";

export const idempotencyScenarios: Scenario[] = [
  {
    name: "request id: a duplicate request gets the very same response",
    async run(t) {
      const p = await t.platform.player({ balance: 1_000_000n });
      const body = t.driver.body("bet", p);
      const first = await t.driver.send("bet", body);
      const again = await t.driver.send("bet", body);
      expectStatus(t, first, "ok");
      assert.deepEqual(again.body, first.body);
      await expectBalance(t, p, 900_000n);
    },
  },
  {
    name: "request id: the duplicate's response does not change after the balance moved",
    async run(t) {
      const p = await t.platform.player({ balance: 1_000_000n });
      const body = t.driver.body("bet", p);
      const first = await t.driver.send("bet", body);
      expectStatus(t, await call(t, "bet", p), "ok");
      const again = await t.driver.send("bet", body);
      assert.deepEqual(again.body, first.body);
      await expectBalance(t, p, 800_000n);
    },
  },
  {
    name: "transaction id: a replayed bet with a new request id is applied once, with the original result",
    async run(t) {
      const p = await t.platform.player({ balance: 1_000_000n });
      const tx = uuid();
      const round = uuid();
      const first = await call(t, "bet", p, { tx, round });
      const replay = await call(t, "bet", p, { tx, round });
      expectStatus(t, first, "ok");
      expectStatus(t, replay, "ok");
      assert.equal(replay.balance, first.balance);
      await expectBalance(t, p, 900_000n);
    },
  },
  {
    name: "transaction id: five concurrent copies of one bet debit once",
    async run(t) {
      const p = await t.platform.player({ balance: 1_000_000n });
      const args = { tx: uuid(), round: uuid() };
      const results = await Promise.all(Array.from({ length: 5 }, () => call(t, "bet", p, args)));
      for (const r of results) expectStatus(t, r, "ok");
      await expectBalance(t, p, 900_000n);
    },
  },
  {
    name: "transaction id: same bet id with another amount is a duplicate transaction",
    async run(t) {
      const p = await t.platform.player({ balance: 1_000_000n });
      const args = { tx: uuid(), round: uuid() };
      expectStatus(t, await call(t, "bet", p, args), "ok");
      expectStatus(t, await call(t, "bet", p, { ...args, amount: 200_000n }), "duplicate_transaction");
      await expectBalance(t, p, 900_000n);
    },
  },
  {
    name: "transaction id: same bet id with another currency is a duplicate transaction",
    async run(t) {
      const p = await t.platform.player({ balance: 1_000_000n });
      const args = { tx: uuid(), round: uuid() };
      expectStatus(t, await call(t, "bet", p, args), "ok");
      expectStatus(t, await call(t, "bet", p, { ...args, currency: "GBP" }), "duplicate_transaction");
      await expectBalance(t, p, 900_000n);
    },
  },
  {
    name: "transaction id: same bet id in another round is a duplicate transaction",
    async run(t) {
      const p = await t.platform.player({ balance: 1_000_000n });
      const tx = uuid();
      expectStatus(t, await call(t, "bet", p, { tx, round: uuid() }), "ok");
      expectStatus(t, await call(t, "bet", p, { tx, round: uuid() }), "duplicate_transaction");
      await expectBalance(t, p, 900_000n);
    },
  },
  {
    name: "transaction id: same bet id for another player is a duplicate transaction",
    async run(t) {
      const [p, q] = await Promise.all([
        t.platform.player({ balance: 1_000_000n }),
        t.platform.player({ balance: 1_000_000n }),
      ]);
      const args = { tx: uuid(), round: uuid() };
      expectStatus(t, await call(t, "bet", p, args), "ok");
      expectStatus(t, await call(t, "bet", q, args), "duplicate_transaction");
      await expectBalance(t, p, 900_000n);
      await expectBalance(t, q, 1_000_000n);
    },
  },
  {
    name: "transaction id: same bet id for another game is a duplicate transaction",
    async run(t) {
      const p = await t.platform.player({ balance: 1_000_000n });
      const args = { tx: uuid(), round: uuid() };
      expectStatus(t, await call(t, "bet", p, args), "ok");
      expectStatus(t, await call(t, "bet", p, { ...args, game: "another_game" }), "duplicate_transaction");
      await expectBalance(t, p, 900_000n);
    },
  },
  {
    name: "transaction id: a replayed win is credited once",
    async run(t) {
      const p = await t.platform.player({ balance: 1_000_000n });
      const round = uuid();
      const bet = uuid();
      expectStatus(t, await call(t, "bet", p, { tx: bet, round }), "ok");
      const win = { tx: uuid(), ref: bet, round, amount: 300_000n, roundClosed: true };
      expectStatus(t, await call(t, "win", p, win), "ok");
      expectStatus(t, await call(t, "win", p, win), "ok");
      await expectBalance(t, p, 1_200_000n);
    },
  },
  {
    name: "transaction id: same win id with another amount is a duplicate transaction",
    async run(t) {
      const p = await t.platform.player({ balance: 1_000_000n });
      const round = uuid();
      const bet = uuid();
      expectStatus(t, await call(t, "bet", p, { tx: bet, round }), "ok");
      const win = { tx: uuid(), ref: bet, round, amount: 300_000n };
      expectStatus(t, await call(t, "win", p, win), "ok");
      expectStatus(t, await call(t, "win", p, { ...win, amount: 300_001n }), "duplicate_transaction");
      await expectBalance(t, p, 1_200_000n);
    },
  },
  {
    name: "transaction id: same win id with another reference is a duplicate transaction",
    async run(t) {
      const p = await t.platform.player({ balance: 1_000_000n });
      const round = uuid();
      const [a, b] = [uuid(), uuid()];
      expectStatus(t, await call(t, "bet", p, { tx: a, round }), "ok");
      expectStatus(t, await call(t, "bet", p, { tx: b, round }), "ok");
      const win = { tx: uuid(), ref: a, round, amount: 50_000n };
      expectStatus(t, await call(t, "win", p, win), "ok");
      expectStatus(t, await call(t, "win", p, { ...win, ref: b }), "duplicate_transaction");
      await expectBalance(t, p, 850_000n);
    },
  },
  {
    name: "transaction id: a replayed rollback restores the stake once",
    async run(t) {
      const p = await t.platform.player({ balance: 1_000_000n });
      const round = uuid();
      const bet = uuid();
      expectStatus(t, await call(t, "bet", p, { tx: bet, round }), "ok");
      const rollback = { tx: uuid(), ref: bet, round };
      expectStatus(t, await call(t, "rollback", p, rollback), "ok");
      expectStatus(t, await call(t, "rollback", p, rollback), "ok");
      await expectBalance(t, p, 1_000_000n);
    },
  },
  {
    name: "transaction id: a win reusing a bet's transaction id is a duplicate transaction",
    async run(t) {
      const p = await t.platform.player({ balance: 1_000_000n });
      const round = uuid();
      const bet = uuid();
      expectStatus(t, await call(t, "bet", p, { tx: bet, round }), "ok");
      expectStatus(
        t,
        await call(t, "win", p, { tx: bet, ref: bet, round, amount: 100_000n }),
        "duplicate_transaction",
      );
      await expectBalance(t, p, 900_000n);
    },
  },
  {
    name: "transaction id: a refused bet replayed stays refused and moves nothing",
    async run(t) {
      const p = await t.platform.player({ balance: 50_000n });
      const args = { tx: uuid(), round: uuid(), amount: 100_000n };
      expectStatus(t, await call(t, "bet", p, args), "insufficient_funds");
      expectStatus(t, await call(t, "bet", p, args), "insufficient_funds");
      await expectBalance(t, p, 50_000n);
    },
  },
  {
    name: "transaction id: concurrent copies of a win credit once",
    async run(t) {
      const p = await t.platform.player({ balance: 1_000_000n });
      const round = uuid();
      const bet = uuid();
      expectStatus(t, await call(t, "bet", p, { tx: bet, round }), "ok");
      const win = { tx: uuid(), ref: bet, round, amount: 400_000n };
      const results = await Promise.all(Array.from({ length: 4 }, () => call(t, "win", p, win)));
      for (const r of results) expectStatus(t, r, "ok");
      await expectBalance(t, p, 1_300_000n);
    },
  },
];
