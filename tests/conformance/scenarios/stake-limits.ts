// Stake limits of the provider registry (per provider and currency, overridden per game), as the
// bridge's catalogue publishes them for the scenario game. A bet outside them is refused before
// any money moves, and the refusal is the transaction's answer for every retry.
import type { Platform } from "../platform.ts";
import {
  assert,
  call,
  expectBalance,
  expectStatus,
  type Scenario,
  type ScenarioContext,
  uuid,
} from "./scenario.ts";

async function maxBetOf(t: ScenarioContext, currency = "EUR"): Promise<bigint> {
  const { maxBet } = await t.platform.stakeBounds(currency);
  if (maxBet === undefined) {
    throw new Error(
      `the game ${t.platform.gameCode} has no maximum stake in ${currency} in the bridge's catalogue: ` +
        "register one (provider or game stake limits) to check BET_LIMIT_EXCEEDED",
    );
  }
  return maxBet;
}

/** A player who can afford a few maximum stakes. */
const richPlayer = (platform: Platform, maxBet: bigint) =>
  platform.player({ balance: maxBet * 3n + 1_000_000n });

export const stakeLimitScenarios: Scenario[] = [
  {
    name: "stake limit: a bet over the game's maximum is BET_LIMIT_EXCEEDED with the balance, nothing debited",
    async run(t) {
      const max = await maxBetOf(t);
      const p = await richPlayer(t.platform, max);
      const before = await t.platform.balance(p);
      const r = await call(t, "bet", p, { amount: max + 1n });
      expectStatus(t, r, "bet_limit_exceeded");
      if (t.driver.balanceOnRefusal) assert.equal(r.balance, before);
      await expectBalance(t, p, before);
    },
  },
  {
    name: "stake limit: a bet of exactly the maximum is accepted and debited exactly",
    async run(t) {
      const max = await maxBetOf(t);
      const p = await richPlayer(t.platform, max);
      const before = await t.platform.balance(p);
      const r = await call(t, "bet", p, { amount: max });
      expectStatus(t, r, "ok");
      assert.equal(r.balance, before - max);
      await expectBalance(t, p, before - max);
    },
  },
  {
    name: "stake limit: a retried over-limit bet gets the same answer; its id cannot come back with a smaller amount",
    async run(t) {
      const max = await maxBetOf(t);
      const p = await richPlayer(t.platform, max);
      const before = await t.platform.balance(p);
      const args = { tx: uuid(), round: uuid(), amount: max + 1n };
      const body = t.driver.body("bet", p, args);
      const first = await t.driver.send("bet", body);
      expectStatus(t, first, "bet_limit_exceeded");
      const sameRequest = await t.driver.send("bet", body);
      assert.deepEqual(sameRequest.body, first.body, "the same request id gets the very same answer");
      expectStatus(t, await call(t, "bet", p, args), "bet_limit_exceeded");
      expectStatus(t, await call(t, "bet", p, { ...args, amount: max }), "duplicate_transaction");
      await expectBalance(t, p, before);
    },
  },
  {
    name: "stake limit: a bet under the game's minimum is refused; without a minimum the smallest stake is accepted",
    async run(t) {
      const { minBet } = await t.platform.stakeBounds("EUR");
      const p = await t.platform.player({ balance: (minBet ?? 0n) + 1_000_000n });
      const before = await t.platform.balance(p);
      if (minBet !== undefined && minBet > 1n) {
        expectStatus(t, await call(t, "bet", p, { amount: minBet - 1n }), "bet_limit_exceeded");
        await expectBalance(t, p, before);
        expectStatus(t, await call(t, "bet", p, { amount: minBet }), "ok");
        await expectBalance(t, p, before - minBet);
      } else {
        expectStatus(t, await call(t, "bet", p, { amount: 1n }), "ok");
        await expectBalance(t, p, before - 1n);
      }
    },
  },
  {
    name: "stake limit: wins are not limited by the stake maximum",
    async run(t) {
      const max = await maxBetOf(t);
      const p = await richPlayer(t.platform, max);
      const before = await t.platform.balance(p);
      const [bet, round] = [uuid(), uuid()];
      expectStatus(t, await call(t, "bet", p, { tx: bet, round, amount: max }), "ok");
      expectStatus(
        t,
        await call(t, "win", p, { ref: bet, round, amount: max * 10n, roundClosed: true }),
        "ok",
      );
      await expectBalance(t, p, before + max * 9n);
    },
  },
];
