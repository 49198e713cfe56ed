// The hash chain: intact after real operations; any edit of a transaction, an entry or a house
// leg is found, and the verifier names the first broken link.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../src/audit/verify-chain.ts";
import { fundedPlayer, type LedgerFixture, ledgerFixture, uid } from "./support/fixture.ts";

let fx: LedgerFixture;
let players: string[];
beforeAll(async () => {
  fx = await ledgerFixture();
  players = await Promise.all([fundedPlayer(fx, "5000"), fundedPlayer(fx, "5000")]);
  for (const playerId of players) {
    for (let i = 0; i < 3; i++) {
      const b = {
        playerId,
        currency: "EUR",
        amount: "100",
        betId: uid("bet"),
        roundId: uid("rnd"),
        gameId: "g",
        providerId: "p",
      };
      await fx.call("bridge", "POST", "/v1/bets", b, { "idempotency-key": uid("k") });
      await fx.call(
        "bridge",
        "POST",
        "/v1/wins",
        { ...b, amount: "50", winId: uid("win") },
        { "idempotency-key": uid("k") },
      );
    }
  }
});
afterAll(async () => {
  await fx?.close();
});

async function txOf(playerId: string, seq: number) {
  const [row] = await fx.sql<{ tx_id: string }[]>`
    select t.tx_id from transactions t join accounts a on a.id = t.account_id
    where a.player_id = ${playerId} and t.account_seq = ${seq}`;
  if (!row) throw new Error("no such transaction");
  return row.tx_id;
}

describe("audit chain", () => {
  it("verifies intact chains", async () => {
    const report = await verifyAuditChain(fx.sql);
    expect(report).toMatchObject({ ok: true, accounts: 2, transactions: 14 });
  });

  it("finds an altered entry and names the transaction", async () => {
    const txId = await txOf(players[1] ?? "", 4);
    await fx.sql`update entries set amount = amount - 1 where tx_id = ${txId}`;
    const report = await verifyAuditChain(fx.sql);
    expect(report.ok).toBe(false);
    expect(report.broken).toMatchObject({ playerId: players[1], accountSeq: "4", txId });
    await fx.sql`update entries set amount = amount + 1 where tx_id = ${txId}`;
    expect((await verifyAuditChain(fx.sql)).ok).toBe(true);
  });

  it("finds an altered house leg, timestamp or balance", async () => {
    const txId = await txOf(players[0] ?? "", 2);
    await fx.sql`update house_entries set amount = amount + 5 where tx_id = ${txId}`;
    expect((await verifyAuditChain(fx.sql)).broken).toMatchObject({ accountSeq: "2", txId });
    await fx.sql`update house_entries set amount = amount - 5 where tx_id = ${txId}`;
    await fx.sql`update transactions set created_at = created_at - interval '1 second' where tx_id = ${txId}`;
    expect((await verifyAuditChain(fx.sql)).broken).toMatchObject({ accountSeq: "2", txId });
    await fx.sql`update transactions set created_at = created_at + interval '1 second' where tx_id = ${txId}`;
    await fx.sql`update accounts set cash = cash + 1000 where player_id = ${players[0] ?? ""}`;
    expect((await verifyAuditChain(fx.sql)).broken?.reason).toMatch(/balance/);
    await fx.sql`update accounts set cash = cash - 1000 where player_id = ${players[0] ?? ""}`;
    expect((await verifyAuditChain(fx.sql)).ok).toBe(true);
  });

  it("finds a deleted transaction", async () => {
    const txId = await txOf(players[0] ?? "", 3);
    await fx.sql`delete from entries where tx_id = ${txId}`;
    await fx.sql`delete from house_entries where tx_id = ${txId}`;
    await fx.sql`delete from transactions where tx_id = ${txId}`;
    const report = await verifyAuditChain(fx.sql);
    expect(report.broken).toMatchObject({ playerId: players[0], accountSeq: "3" });
    expect(report.broken?.reason).toMatch(/missing/);
  });
});
