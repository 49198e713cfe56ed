// The wallet.tx.committed envelope the relay publishes: assembled from the transaction row, the
// account row and the outbox row's legs, in the shape the operation used to store, and rows stored
// whole before migration 0007 passed through as they are.
import { eventEnvelope } from "@croupier/events/envelope";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OutboxEvent, readOutboxEvents } from "../src/outbox/outbox-events.ts";
import { fundedPlayer, type LedgerFixture, ledgerFixture, uid } from "./support/fixture.ts";

let fx: LedgerFixture;
beforeAll(async () => {
  fx = await ledgerFixture();
});
afterAll(async () => {
  await fx?.close();
});

interface Envelope extends Record<string, unknown> {
  data: Record<string, unknown>;
}

/** The pending event of one transaction, as the relay would publish it. */
async function eventOf(txId: string): Promise<OutboxEvent & { payload: Envelope }> {
  const [row] = await fx.sql<{ id: string }[]>`select id::text from outbox where tx_id = ${txId}`;
  const event = (await readOutboxEvents(fx.sql, 10_000)).find((e) => String(e.id) === row?.id);
  if (!event) throw new Error(`no outbox event for ${txId}`);
  return { ...event, payload: JSON.parse(event.json) as Envelope };
}

describe("outbox events", () => {
  it("builds a bet's envelope from its transaction, with its legs, balance and correlation", async () => {
    const playerId = await fundedPlayer(fx, "1000");
    const betId = uid("bet");
    const roundId = uid("rnd");
    const requestId = `req_${"c".repeat(32)}`;
    const traceparent = `00-${"1".repeat(32)}-${"2".repeat(16)}-01`;
    const bet = await fx.call<{ txId: string }>(
      "bridge",
      "POST",
      "/v1/bets",
      { playerId, currency: "EUR", amount: "250", betId, roundId, gameId: "g1", providerId: "prov" },
      { "idempotency-key": uid("k"), "x-request-id": requestId, traceparent },
    );
    expect(bet.status).toBe(201);
    const [tx] = await fx.sql<{ created_at: string }[]>`
      select to_char(created_at at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as created_at
      from transactions where tx_id = ${bet.body.txId}`;
    const event = await eventOf(bet.body.txId);
    expect(eventEnvelope.parse(event.payload)).toBeTruthy();
    expect(event.subject).toBe("eu.wallet.tx.committed");
    expect(event.eventId).toBe(event.payload.id);
    // the ledger's own span in the caller's trace
    const ownSpan = expect.stringMatching(new RegExp(`^00-${"1".repeat(32)}-[0-9a-f]{16}-01$`));
    expect(event.traceparent).toEqual(ownSpan);
    expect(event.payload).toEqual({
      id: expect.stringMatching(/^evt_[0-9a-f]{32}$/),
      type: "wallet.tx.committed",
      occurredAt: tx?.created_at,
      jurisdiction: "eu",
      region: "eu",
      requestId,
      traceparent: ownSpan,
      playerId,
      accountId: `${playerId}:EUR`,
      roundId,
      betId,
      txId: bet.body.txId,
      data: {
        // no sessionId: nulls are stripped, as before
        betId,
        roundId,
        gameId: "g1",
        providerId: "prov",
        amount: "250",
        kind: "bet",
        currency: "EUR",
        reference: `prov:${betId}`,
        accountSeq: 2,
        entries: [
          { account: `${playerId}:EUR`, bucket: "cash", amount: "-250" },
          { account: "house:eu:EUR", bucket: "house", amount: "250" },
        ],
        balance: { cash: "750", bonus: "0", held: "0" },
      },
    });
  });

  it("lists only the legs that moved: a withdrawal hold moves cash to held and no house account", async () => {
    const playerId = await fundedPlayer(fx, "1000");
    const withdrawalId = uid("wd");
    const hold = await fx.call(
      "cashier",
      "POST",
      "/v1/withdrawals",
      { playerId, currency: "EUR", amount: "400", withdrawalId },
      { "idempotency-key": uid("k") },
    );
    expect(hold.status).toBe(201);
    const [row] = await fx.sql<{ hold_tx_id: string }[]>`
      select hold_tx_id from holds where withdrawal_id = ${withdrawalId}`;
    const { payload } = await eventOf(row?.hold_tx_id ?? "");
    expect(payload.data.entries).toEqual([
      { account: `${playerId}:EUR`, bucket: "cash", amount: "-400" },
      { account: `${playerId}:EUR`, bucket: "held", amount: "400" },
    ]);
    expect(payload.data.balance).toEqual({ cash: "600", bonus: "0", held: "400" });
    expect(payload.requestId).toMatch(/^req_[0-9a-f]{32}$/); // the ledger assigned one
    expect(payload.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$/); // a trace of its own
  });

  it("passes an event stored whole before the upgrade through unchanged", async () => {
    const [account] = await fx.sql<{ id: string }[]>`select id::text from accounts limit 1`;
    const stored = {
      id: `evt_${"d".repeat(32)}`,
      type: "wallet.tx.committed",
      traceparent: `00-${"3".repeat(32)}-${"4".repeat(16)}-01`,
      data: { kind: "bet", note: null },
    };
    const [row] = await fx.sql<{ id: string }[]>`
      insert into outbox (account_id, subject, payload)
      values (${account?.id ?? "0"}::bigint, 'eu.wallet.tx.committed', ${JSON.stringify(stored)}::text::jsonb)
      returning id::text`;
    const event = (await readOutboxEvents(fx.sql, 10_000)).find((e) => String(e.id) === row?.id);
    expect(event).toMatchObject({
      eventId: stored.id,
      traceparent: stored.traceparent,
      subject: "eu.wallet.tx.committed",
    });
    expect(JSON.parse(event?.json ?? "null")).toEqual(stored);
    await fx.sql`delete from outbox where id = ${row?.id ?? "0"}::bigint`;
  });

  it("refuses an outbox row that has neither an event nor the transaction to build one from", async () => {
    const [account] = await fx.sql<{ id: string }[]>`select id::text from accounts limit 1`;
    await expect(
      fx.sql`insert into outbox (account_id, subject) values (${account?.id ?? "0"}::bigint, 'eu.wallet.tx.committed')`,
    ).rejects.toThrow(/outbox_payload_or_legs/);
  });
});
