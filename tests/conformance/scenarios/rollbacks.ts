import { assert, call, expectBalance, expectStatus, type Scenario, sleep, uuid } from "./scenario.ts";

export const rollbackScenarios: Scenario[] = [
  {
    name: "rollback: restores the stake of a bet",
    async run(t) {
      const p = await t.platform.player({ balance: 1_000_000n });
      const round = uuid();
      const bet = uuid();
      expectStatus(t, await call(t, "bet", p, { tx: bet, round, amount: 300_000n }), "ok");
      const r = await call(t, "rollback", p, { ref: bet, round });
      expectStatus(t, r, "ok");
      assert.equal(r.balance, 1_000_000n);
      await expectBalance(t, p, 1_000_000n);
    },
  },
  {
    name: "rollback: of an unknown bet is OK with the balance unchanged",
    async run(t) {
      const p = await t.platform.player({ balance: 1_000_000n });
      const r = await call(t, "rollback", p, { ref: uuid(), round: uuid() });
      expectStatus(t, r, "ok");
      assert.equal(r.balance, 1_000_000n);
      await expectBalance(t, p, 1_000_000n);
    },
  },
  {
    name: "rollback: of an unknown bet leaves a tombstone that refuses the late bet",
    async run(t) {
      const p = await t.platform.player({ balance: 1_000_000n });
      const round = uuid();
      const bet = uuid();
      expectStatus(t, await call(t, "rollback", p, { ref: bet, round }), "ok");
      expectStatus(t, await call(t, "bet", p, { tx: bet, round }), "transaction_rolled_back");
      await expectBalance(t, p, 1_000_000n);
    },
  },
  {
    name: "rollback: after the bet was settled by a win is refused, nothing moves",
    async run(t) {
      const p = await t.platform.player({ balance: 1_000_000n });
      const round = uuid();
      const bet = uuid();
      expectStatus(t, await call(t, "bet", p, { tx: bet, round }), "ok");
      expectStatus(
        t,
        await call(t, "win", p, { ref: bet, round, amount: 200_000n, roundClosed: true }),
        "ok",
      );
      const r = await call(t, "rollback", p, { ref: bet, round });
      expectStatus(t, r, "already_settled");
      await expectBalance(t, p, 1_100_000n);
    },
  },
  {
    name: "rollback: succeeds with an expired token",
    async run(t) {
      const p = await t.platform.player({ balance: 1_000_000n, ttlSeconds: 1 });
      const round = uuid();
      const bet = uuid();
      expectStatus(t, await call(t, "bet", p, { tx: bet, round }), "ok");
      await sleep(1_200);
      expectStatus(t, await call(t, "rollback", p, { ref: bet, round }), "ok");
      await expectBalance(t, p, 1_000_000n);
    },
  },
  {
    name: "rollback: succeeds for a player blocked after the bet",
    async run(t) {
      const p = await t.platform.player({ balance: 1_000_000n });
      const round = uuid();
      const bet = uuid();
      expectStatus(t, await call(t, "bet", p, { tx: bet, round }), "ok");
      await t.platform.controls(p.playerId, p.currency, { status: "blocked" });
      expectStatus(t, await call(t, "rollback", p, { ref: bet, round }), "ok");
      await expectBalance(t, p, 1_000_000n);
    },
  },
  {
    name: "rollback: succeeds for a player self-excluded after the bet",
    async run(t) {
      const p = await t.platform.player({ balance: 1_000_000n });
      const round = uuid();
      const bet = uuid();
      expectStatus(t, await call(t, "bet", p, { tx: bet, round }), "ok");
      await t.platform.controls(p.playerId, p.currency, { selfExcluded: true });
      expectStatus(t, await call(t, "rollback", p, { ref: bet, round }), "ok");
      await expectBalance(t, p, 1_000_000n);
    },
  },
  {
    name: "rollback: of one bet does not void the round; the other bet still wins",
    async run(t) {
      const p = await t.platform.player({ balance: 1_000_000n });
      const round = uuid();
      const [a, b] = [uuid(), uuid()];
      expectStatus(t, await call(t, "bet", p, { tx: a, round, amount: 100_000n }), "ok");
      expectStatus(t, await call(t, "bet", p, { tx: b, round, amount: 200_000n }), "ok");
      expectStatus(t, await call(t, "rollback", p, { ref: a, round }), "ok");
      expectStatus(t, await call(t, "win", p, { ref: b, round, amount: 400_000n, roundClosed: true }), "ok");
      await expectBalance(t, p, 1_200_000n);
    },
  },
  {
    name: "rollback: of one bet leaves the round open for further bets",
    async run(t) {
      const p = await t.platform.player({ balance: 1_000_000n });
      const round = uuid();
      const a = uuid();
      expectStatus(t, await call(t, "bet", p, { tx: a, round }), "ok");
      expectStatus(t, await call(t, "rollback", p, { ref: a, round }), "ok");
      expectStatus(t, await call(t, "bet", p, { round }), "ok");
      await expectBalance(t, p, 900_000n);
    },
  },
  {
    name: "rollback: rolling back the same bet twice under two ids restores it once",
    async run(t) {
      const p = await t.platform.player({ balance: 1_000_000n });
      const round = uuid();
      const bet = uuid();
      expectStatus(t, await call(t, "bet", p, { tx: bet, round }), "ok");
      expectStatus(t, await call(t, "rollback", p, { ref: bet, round }), "ok");
      const second = await call(t, "rollback", p, { ref: bet, round });
      assert.ok(
        second.status === t.driver.statusFor("ok") ||
          second.status === t.driver.statusFor("transaction_rolled_back"),
      );
      await expectBalance(t, p, 1_000_000n);
    },
  },
  {
    name: "rollback: a win in the round after a tombstone still needs its own bet",
    async run(t) {
      const p = await t.platform.player({ balance: 1_000_000n });
      const round = uuid();
      const bet = uuid();
      expectStatus(t, await call(t, "rollback", p, { ref: bet, round }), "ok");
      const win = await call(t, "win", p, { ref: bet, round, amount: 100_000n });
      assert.notEqual(win.status, t.driver.statusFor("ok"));
      await expectBalance(t, p, 1_000_000n);
    },
  },
];
