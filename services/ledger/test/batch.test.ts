// ledger_batch: many operations in one statement, answered in order, each refusal isolated, and
// all-or-nothing when something is raised.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LedgerCall, runBatch } from "../src/domain/ledger-call.ts";
import { readOutboxEvents } from "../src/outbox/outbox-events.ts";
import { fundedPlayer, type LedgerFixture, ledgerFixture, uid } from "./support/fixture.ts";
import { ledgerViolations } from "./support/invariants.ts";

const context = { region: "eu" };

function betCall(playerId: string, betId: string, amount: string): LedgerCall {
  return {
    fn: "ledger_bet",
    args: [
      "bridge",
      uid("k"),
      uid("h"),
      uid("tx"),
      uid("evt"),
      context,
      playerId,
      "EUR",
      amount,
      betId,
      uid("rnd"),
      "g",
      "p",
      null,
    ],
  };
}

function winCall(playerId: string, betId: string, amount: string): LedgerCall {
  return {
    fn: "ledger_win",
    args: [
      "bridge",
      uid("k"),
      uid("h"),
      uid("tx"),
      uid("evt"),
      context,
      playerId,
      "EUR",
      amount,
      uid("win"),
      betId,
      uid("rnd"),
      "g",
      "p",
      true,
    ],
  };
}

async function cash(fx: LedgerFixture, playerId: string): Promise<string> {
  const [row] = await fx.sql<{ cash: string }[]>`
    select cash::text from accounts where player_id = ${playerId} and currency = 'EUR'`;
  return row?.cash ?? "missing";
}

describe("ledger_batch", () => {
  let fx: LedgerFixture;
  beforeAll(async () => {
    fx = await ledgerFixture({ poolSize: 4, batchWindowMs: 0 });
  });
  afterAll(async () => {
    await fx?.close();
  });

  it("answers every operation in order; a refusal stays isolated and later operations see earlier ones", async () => {
    const rich = await fundedPlayer(fx, "1000");
    const poor = await fundedPlayer(fx, "5");
    const betId = uid("bet");
    const answers = (await runBatch(fx.sql, [
      betCall(rich, betId, "100"),
      betCall(poor, uid("bet"), "10"),
      winCall(rich, betId, "250"),
    ])) as { status?: number; error?: string }[];
    expect(answers.map((a) => a.status ?? a.error)).toEqual([201, "insufficient_funds", 201]);
    expect(await cash(fx, rich)).toBe("1150");
    expect(await cash(fx, poor)).toBe("5");
    expect(await ledgerViolations(fx.sql)).toEqual({});
  });

  it("carries the request's correlation into the outbox event, alone and in a batch", async () => {
    const playerId = await fundedPlayer(fx, "1000");
    const requestId = `req_${"a".repeat(32)}`;
    const solo = await fx.call(
      "bridge",
      "POST",
      "/v1/bets",
      {
        playerId,
        currency: "EUR",
        amount: "1",
        betId: uid("bet"),
        roundId: uid("rnd"),
        gameId: "g",
        providerId: "p",
      },
      { "idempotency-key": uid("k"), "x-request-id": requestId },
    );
    expect(solo.status).toBe(201);
    const batched = betCall(playerId, uid("bet"), "1");
    batched.args[5] = { region: "eu", requestId: `req_${"b".repeat(32)}` };
    await runBatch(fx.sql, [batched, betCall(playerId, uid("bet"), "1")]);
    const [account] = await fx.sql<{ id: string }[]>`
      select id::text from accounts where player_id = ${playerId}`;
    const events = (await readOutboxEvents(fx.sql, 10_000))
      .filter((e) => String(e.accountId) === account?.id)
      .map((e) => ({ payload: JSON.parse(e.json) as { requestId?: string; region: string } }));
    expect(events.map((e) => e.payload.requestId)).toEqual([
      expect.stringMatching(/^req_[0-9a-f]{32}$/), // the funding deposit: the ledger assigned one
      requestId,
      `req_${"b".repeat(32)}`,
      undefined,
    ]);
    expect(new Set(events.map((e) => e.payload.region))).toEqual(new Set(["eu"]));
  });

  it("writes nothing at all when one operation raises", async () => {
    const playerId = await fundedPlayer(fx, "1000");
    const before = await fx.sql<{ n: number }[]>`select count(*)::int as n from transactions`;
    const unknown = { fn: "ledger_deposit_typo", args: [] } as unknown as LedgerCall;
    await expect(runBatch(fx.sql, [betCall(playerId, uid("bet"), "100"), unknown])).rejects.toThrow(
      /unknown operation/,
    );
    const after = await fx.sql<{ n: number }[]>`select count(*)::int as n from transactions`;
    expect(after[0]?.n).toBe(before[0]?.n);
    expect(await cash(fx, playerId)).toBe("1000");
  });
});
