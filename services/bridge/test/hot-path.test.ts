// The batched hot path against real PostgreSQL: concurrent calls share statements, yet every call
// gets its own answer, the first write of a key wins and a round counts each transaction once.
import { createDatabase } from "@croupier/db/client";
import { createTestDatabase } from "@croupier/devstack/test-harness";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPgStore } from "../src/db/pg-store.ts";
import type { BridgeStore, RecordEntry, StoredTransaction } from "../src/domain/store-port.ts";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: ReturnType<typeof createDatabase>;
let store: BridgeStore;
const uuid = () => crypto.randomUUID();

beforeAll(async () => {
  database = await createTestDatabase("croupier_bridge");
  db = createDatabase({ url: database.url, maxConnections: 4 });
  store = createPgStore(db.sql, { maxBatchesInFlight: 1 });
  await db.sql`insert into providers (id, adapter, name, public_key_pem) values ('p', 'hub88', 'P', 'pem')`;
});

afterAll(async () => {
  await db?.close();
  await database?.drop();
});

function entry(tx: string, kind: "bet" | "win", round: string, amount: bigint, close = false): RecordEntry {
  const transaction: StoredTransaction = {
    providerId: "p",
    transactionUuid: tx,
    kind,
    playerId: "ply_1",
    currency: "EUR",
    amount,
    roundRef: round,
    gameCode: "g",
    referenceUuid: null,
    fingerprint: `${kind}:${amount}`,
    outcome: "ok",
    balance: 1_000n,
    ledgerTxId: `tx_${tx}`,
  };
  return {
    providerId: "p",
    requestUuid: uuid(),
    endpoint: `transaction/${kind}`,
    responseText: `{"status":"RS_OK","tx":"${tx}"}`,
    transaction,
    round: {
      providerId: "p",
      roundRef: round,
      playerId: "ply_1",
      currency: "EUR",
      gameCode: "g",
      kind,
      amount,
      close,
      jurisdiction: "eu",
    },
  };
}

describe("batched hot path (PostgreSQL)", () => {
  it("stores concurrent copies once and counts each transaction once in its round", async () => {
    const round = uuid();
    const [bet1, bet2, win] = [uuid(), uuid(), uuid()];
    const first = entry(bet1, "bet", round, 100n);
    // Every operation several times at once, some copies under the same request id.
    await Promise.all([
      store.record(first),
      store.record({ ...first, responseText: '{"status":"other"}' }),
      store.record({ ...first, requestUuid: uuid() }),
      store.record(entry(bet2, "bet", round, 200n)),
      store.record(entry(bet2, "bet", round, 200n)),
      store.record(entry(win, "win", round, 700n, true)),
      store.record(entry(win, "win", round, 700n, true)),
    ]);
    const [row] = await db.sql`
      select bets, wins, total_bet::text, total_win::text, status, jurisdiction from rounds where round_ref = ${round}`;
    expect(row).toEqual({
      bets: 2,
      wins: 1,
      total_bet: "300",
      total_win: "700",
      status: "closed",
      jurisdiction: "eu",
    });
    const prior = await store.prior({
      providerId: "p",
      requestUuid: first.requestUuid,
      transactionUuid: bet1,
    });
    expect(prior.response).toBe(first.responseText);
    expect(prior.transaction).toMatchObject({
      transactionUuid: bet1,
      amount: 100n,
      ledgerTxId: `tx_${bet1}`,
    });
  });

  it("answers each concurrent look-up with its own records, and resolves a rollback's currency", async () => {
    const stored = entry(uuid(), "bet", uuid(), 5n);
    await store.record(stored);
    await store.createSession({
      token: uuid(),
      providerId: "p",
      playerId: "ply_latest",
      currency: "GBP",
      gameCode: "g",
      jurisdiction: "uk",
      platformSessionId: "ses_1",
      expiresAt: new Date(Date.now() + 60_000),
    });
    const txUuid = stored.transaction?.transactionUuid as string;
    const answers = await Promise.all([
      store.prior({ providerId: "p", requestUuid: stored.requestUuid }),
      store.prior({ providerId: "p", requestUuid: uuid(), transactionUuid: txUuid }),
      store.prior({ providerId: "p", requestUuid: uuid(), transactionUuid: uuid() }),
      store.prior({ providerId: "other", requestUuid: stored.requestUuid, transactionUuid: txUuid }),
      store.prior({
        providerId: "p",
        requestUuid: uuid(),
        referenceUuid: txUuid,
        latestSessionOf: "ply_latest",
      }),
    ]);
    expect(answers[0]).toEqual({ response: stored.responseText });
    expect(answers[1]?.transaction?.transactionUuid).toBe(txUuid);
    expect(answers[1]?.response).toBeUndefined();
    expect(answers[2]).toEqual({});
    expect(answers[3]).toEqual({});
    expect(answers[4]).toEqual({ referencedCurrency: "EUR", latestSessionCurrency: "GBP" });
  });

  it("keeps ids and answers with quotes, backslashes, commas and braces exact", async () => {
    const odd = `a\\b"c,NULL{}'${uuid()}`;
    const stored = { ...entry(odd, "bet", odd, 1n), requestUuid: odd, responseText: '{"s":"\\"x\\""}' };
    await store.record(stored);
    const prior = await store.prior({ providerId: "p", requestUuid: odd, transactionUuid: odd });
    expect(prior.response).toBe(stored.responseText);
    expect(prior.transaction?.transactionUuid).toBe(odd);
    expect(prior.transaction?.roundRef).toBe(odd);
  });

  it("reads answers stored before the text column as their JSON text", async () => {
    const requestUuid = uuid();
    await db.sql`insert into provider_requests (provider_id, request_uuid, endpoint, response)
      values ('p', ${requestUuid}, 'transaction/bet', '{"status":"RS_OK"}'::jsonb)`;
    expect((await store.prior({ providerId: "p", requestUuid })).response).toBe('{"status": "RS_OK"}');
  });
});
