// Many parallel requests on one account: never an overdraft, every key applied once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fundedPlayer, type LedgerFixture, ledgerFixture, uid } from "./support/fixture.ts";
import { ledgerViolations } from "./support/invariants.ts";

const bet = (playerId: string, amount: string) => ({
  playerId,
  currency: "EUR",
  amount,
  betId: uid("bet"),
  roundId: uid("rnd"),
  gameId: "g",
  providerId: "p",
});

describe.each([
  ["one transaction per operation", 0],
  ["micro-batched", 2],
])("concurrency (%s)", (_name, batchWindowMs) => {
  let fx: LedgerFixture;
  beforeAll(async () => {
    fx = await ledgerFixture({ poolSize: 16, batchWindowMs });
  });
  afterAll(async () => {
    await fx?.close();
  });

  it("parallel bets on one player never overdraw", async () => {
    const playerId = await fundedPlayer(fx, "1000");
    const results = await Promise.all(
      Array.from({ length: 150 }, () =>
        fx.call("bridge", "POST", "/v1/bets", bet(playerId, "10"), { "idempotency-key": uid("k") }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(100);
    expect(statuses.filter((s) => s === 422)).toHaveLength(50);
    const balances = await fx.call<{ balances: { cash: string }[] }>(
      "bridge",
      "GET",
      `/v1/players/${playerId}/balances`,
    );
    expect(balances.body.balances[0]?.cash).toBe("0");
    expect(await ledgerViolations(fx.sql)).toEqual({});
  });

  it("reports the size of every micro-batch (wallet_batch_operations), and only when batching", async () => {
    const playerId = await fundedPlayer(fx, "1000");
    const batches = async () => {
      const text = await (await fx.request(null, "GET", "/metrics")).text();
      const value = (name: string) => Number(text.match(new RegExp(`^${name}\\{[^}]*\\} (\\d+)`, "m"))?.[1]);
      return {
        present: text.includes("wallet_batch_operations_count"),
        operations: value("wallet_batch_operations_sum"),
        count: value("wallet_batch_operations_count"),
      };
    };
    const before = await batches();
    await Promise.all(
      Array.from({ length: 40 }, () =>
        fx.call("bridge", "POST", "/v1/bets", bet(playerId, "1"), { "idempotency-key": uid("k") }),
      ),
    );
    const after = await batches();
    expect(after.present).toBe(batchWindowMs > 0);
    if (batchWindowMs > 0) {
      expect(after.operations - before.operations).toBe(40);
      // Forty requests at once do not go out as forty batches of one.
      expect(after.count - before.count).toBeLessThan(40);
    }
  });

  it("the same key sent many times at once is applied once, and every answer is the same", async () => {
    const playerId = await fundedPlayer(fx, "1000");
    const headers = { "idempotency-key": uid("k") };
    const body = bet(playerId, "100");
    const results = await Promise.all(
      Array.from({ length: 20 }, () => fx.call("bridge", "POST", "/v1/bets", body, headers)),
    );
    expect(new Set(results.map((r) => r.status))).toEqual(new Set([201]));
    expect(new Set(results.map((r) => JSON.stringify(r.body))).size).toBe(1);
    expect(results.filter((r) => r.headers.get("idempotent-replayed") === "true")).toHaveLength(19);
    const balances = await fx.call<{ balances: { cash: string }[] }>(
      "bridge",
      "GET",
      `/v1/players/${playerId}/balances`,
    );
    expect(balances.body.balances[0]?.cash).toBe("900");
  });

  it("one bet id raced under different keys by two players is placed once", async () => {
    const [a, b] = await Promise.all([fundedPlayer(fx, "1000"), fundedPlayer(fx, "1000")]);
    const betId = uid("bet");
    const results = await Promise.all(
      [a, b].flatMap((playerId) =>
        Array.from({ length: 5 }, () =>
          fx.call(
            "bridge",
            "POST",
            "/v1/bets",
            { ...bet(playerId ?? "", "100"), betId, roundId: "r" },
            { "idempotency-key": uid("k") },
          ),
        ),
      ),
    );
    const placed = await fx.sql`select account_id from bets where bet_id = ${betId}`;
    expect(placed).toHaveLength(1);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.code === "duplicate_bet")).toBe(true);
    expect(await ledgerViolations(fx.sql)).toEqual({});
  });
});
