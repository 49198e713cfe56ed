import type { Player } from "../platform.ts";
import type { ScenarioContext } from "./scenario.ts";
import { assert, call, expectBalance, expectStatus, type Scenario, sleep, uuid } from "./scenario.ts";

async function placedBet(t: ScenarioContext, p: Player, amount = 100_000n) {
  const round = uuid();
  const bet = uuid();
  expectStatus(t, await call(t, "bet", p, { tx: bet, round, amount }), "ok");
  return { round, bet };
}

export const winScenarios: Scenario[] = [
  {
    name: "win: credits the amount and answers the new balance",
    async run(t) {
      const p = await t.platform.player({ balance: 1_000_000n });
      const { round, bet } = await placedBet(t, p);
      const r = await call(t, "win", p, { ref: bet, round, amount: 250_000n, roundClosed: true });
      expectStatus(t, r, "ok");
      assert.equal(r.balance, 1_150_000n);
      await expectBalance(t, p, 1_150_000n);
    },
  },
  {
    name: "win: a zero win closes the round without moving money",
    async run(t) {
      const p = await t.platform.player({ balance: 1_000_000n });
      const { round, bet } = await placedBet(t, p);
      expectStatus(t, await call(t, "win", p, { ref: bet, round, amount: 0n, roundClosed: true }), "ok");
      await expectBalance(t, p, 900_000n);
    },
  },
  {
    name: "win: one wire unit (0.00001) is credited exactly",
    async run(t) {
      const p = await t.platform.player({ balance: 1_000_000n });
      const { round, bet } = await placedBet(t, p);
      const r = await call(t, "win", p, { ref: bet, round, amount: 1n });
      expectStatus(t, r, "ok");
      await expectBalance(t, p, 900_001n);
    },
  },
  {
    name: "win: for an unknown bet is TRANSACTION_DOES_NOT_EXIST, nothing credited",
    async run(t) {
      const p = await t.platform.player({ balance: 1_000_000n });
      expectStatus(
        t,
        await call(t, "win", p, { ref: uuid(), round: uuid(), amount: 100_000n }),
        "transaction_not_found",
      );
      await expectBalance(t, p, 1_000_000n);
    },
  },
  {
    name: "win: after the bet was rolled back is TRANSACTION_ROLLED_BACK",
    async run(t) {
      const p = await t.platform.player({ balance: 1_000_000n });
      const { round, bet } = await placedBet(t, p);
      expectStatus(t, await call(t, "rollback", p, { ref: bet, round }), "ok");
      expectStatus(
        t,
        await call(t, "win", p, { ref: bet, round, amount: 500_000n }),
        "transaction_rolled_back",
      );
      await expectBalance(t, p, 1_000_000n);
    },
  },
  {
    name: "win: is paid with an expired token",
    async run(t) {
      const p = await t.platform.player({ balance: 1_000_000n, ttlSeconds: 1 });
      const { round, bet } = await placedBet(t, p);
      await sleep(1_200);
      expectStatus(t, await call(t, "win", p, { ref: bet, round, amount: 200_000n }), "ok");
      await expectBalance(t, p, 1_100_000n);
    },
  },
  {
    name: "win: is paid to a player blocked after the bet",
    async run(t) {
      const p = await t.platform.player({ balance: 1_000_000n });
      const { round, bet } = await placedBet(t, p);
      await t.platform.controls(p.playerId, p.currency, { status: "blocked" });
      expectStatus(t, await call(t, "win", p, { ref: bet, round, amount: 200_000n }), "ok");
      await expectBalance(t, p, 1_100_000n);
    },
  },
  {
    name: "win: is paid to a player self-excluded after the bet",
    async run(t) {
      const p = await t.platform.player({ balance: 1_000_000n });
      const { round, bet } = await placedBet(t, p);
      await t.platform.controls(p.playerId, p.currency, { selfExcluded: true });
      expectStatus(t, await call(t, "win", p, { ref: bet, round, amount: 200_000n }), "ok");
      await expectBalance(t, p, 1_100_000n);
    },
  },
  {
    name: "win: is paid to a player over the loss limit",
    async run(t) {
      const p = await t.platform.player({ balance: 1_000_000n, lossLimit: 100_000n });
      const { round, bet } = await placedBet(t, p);
      expectStatus(t, await call(t, "bet", p, { round }), "limit_reached");
      expectStatus(t, await call(t, "win", p, { ref: bet, round, amount: 50_000n }), "ok");
      await expectBalance(t, p, 950_000n);
    },
  },
  {
    name: "win: each of several bets in a round is settled by its own win",
    async run(t) {
      const p = await t.platform.player({ balance: 1_000_000n });
      const round = uuid();
      const [a, b] = [uuid(), uuid()];
      expectStatus(t, await call(t, "bet", p, { tx: a, round }), "ok");
      expectStatus(t, await call(t, "bet", p, { tx: b, round }), "ok");
      expectStatus(t, await call(t, "win", p, { ref: a, round, amount: 150_000n }), "ok");
      expectStatus(t, await call(t, "win", p, { ref: b, round, amount: 50_000n, roundClosed: true }), "ok");
      await expectBalance(t, p, 1_000_000n);
    },
  },
];
