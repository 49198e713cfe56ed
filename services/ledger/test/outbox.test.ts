// The transactional outbox reaches JetStream: every committed transaction once, in commit order per
// account, including across a nats-server restart in the middle of the load.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLogger } from "@croupier/core/log";
import { startNats } from "@croupier/devstack/nats";
import { freePort } from "@croupier/devstack/ports";
import { testNatsUrl } from "@croupier/devstack/test-harness";
import { type Bus, connectBus } from "@croupier/events/bus";
import type { EventEnvelope } from "@croupier/events/envelope";
import { afterEach, describe, expect, it } from "vitest";
import { startOutboxRelay } from "../src/outbox/relay.ts";
import { randomRegion, readStream, waitUntil } from "./support/events.ts";
import { fundedPlayer, type LedgerFixture, ledgerFixture, uid } from "./support/fixture.ts";

const log = createLogger({ service: "ledger", level: "silent" });
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  cleanups.length = 0;
});

async function load(fx: LedgerFixture, players: string[], opsPerPlayer: number) {
  await Promise.all(
    players.map(async (playerId) => {
      for (let i = 0; i < opsPerPlayer; i++) {
        const res = await fx.call(
          "bridge",
          "POST",
          "/v1/bets",
          {
            playerId,
            currency: "EUR",
            amount: "10",
            betId: uid("bet"),
            roundId: uid("rnd"),
            gameId: "g",
            providerId: "p",
          },
          { "idempotency-key": uid("k") },
        );
        if (res.status !== 201) throw new Error(`bet: ${res.status}`);
      }
    }),
  );
}

async function assertDelivered(fx: LedgerFixture, bus: Bus, stream: string) {
  const txs = await fx.sql<{ tx_id: string; account_id: bigint; account_seq: bigint }[]>`
    select tx_id, account_id, account_seq from transactions order by account_id, account_seq`;
  await waitUntil(
    "the outbox to drain",
    async () => (await fx.sql`select 1 from outbox limit 1`).length === 0,
  );
  const info = await bus.jsm.streams.info(stream);
  const events = await readStream(bus, stream, info.state.messages);
  // an idempotent consumer: each event id handled once
  const handled = new Map<string, EventEnvelope>();
  for (const event of events) if (!handled.has(event.id)) handled.set(event.id, event);
  expect(new Set([...handled.values()].map((e) => e.txId))).toEqual(new Set(txs.map((t) => t.tx_id)));
  expect(handled.size).toBe(txs.length);
  // commit order per account: accountSeq 1, 2, 3… in stream order
  const lastSeq = new Map<string, number>();
  for (const event of handled.values()) {
    const seq = Number(event.data.accountSeq);
    const account = String(event.accountId);
    expect(seq).toBe((lastSeq.get(account) ?? 0) + 1);
    lastSeq.set(account, seq);
  }
  return { events: events.length, unique: handled.size };
}

describe("outbox relay", () => {
  it("publishes every committed transaction in commit order per account", async () => {
    const region = randomRegion();
    const fx = await ledgerFixture({ region });
    cleanups.push(() => fx.close());
    const bus = await connectBus({ url: testNatsUrl(), name: "ledger-outbox-test" });
    cleanups.push(() => bus.close());
    const stream = `WALLET_${region.toUpperCase()}`;
    await bus.ensureStream({ name: stream, subjects: [`${region}.wallet.>`] });
    cleanups.push(async () => void (await bus.jsm.streams.delete(stream)));
    const relay = startOutboxRelay({ sql: fx.sql, bus, log, idleMs: 10 });
    cleanups.push(() => relay.stop());
    const players = await Promise.all(Array.from({ length: 5 }, () => fundedPlayer(fx, "100000")));
    await load(fx, players, 20);
    const result = await assertDelivered(fx, bus, stream);
    expect(result.unique).toBe(5 * 21);
    const [event] = await readStream(bus, stream, 1);
    expect(event).toMatchObject({
      type: "wallet.tx.committed",
      region,
      jurisdiction: "eu",
      data: { kind: "deposit" },
    });
  });

  it("delivers everything after a nats-server restart in the middle of the load", async () => {
    const region = randomRegion();
    const fx = await ledgerFixture({ region });
    cleanups.push(() => fx.close());
    const storeDir = mkdtempSync(join(tmpdir(), "ledger-nats-"));
    cleanups.push(async () => rmSync(storeDir, { recursive: true, force: true }));
    const port = await freePort();
    let nats = await startNats({ port, storeDir, serverName: "ledger-outbox-restart" });
    cleanups.push(() => nats.stop());
    const bus = await connectBus({ url: nats.url, name: "ledger-outbox-restart" });
    cleanups.push(() => bus.close());
    const stream = `WALLET_${region.toUpperCase()}`;
    await bus.ensureStream({
      name: stream,
      subjects: [`${region}.wallet.>`],
      duplicateWindowMs: 10 * 60_000,
    });
    const relay = startOutboxRelay({ sql: fx.sql, bus, log, idleMs: 10 });
    cleanups.push(() => relay.stop());
    const players = await Promise.all(Array.from({ length: 6 }, () => fundedPlayer(fx, "100000")));
    const running = load(fx, players, 40);
    await new Promise((r) => setTimeout(r, 300));
    await nats.stop();
    await new Promise((r) => setTimeout(r, 1_000));
    nats = await startNats({ port, storeDir, serverName: "ledger-outbox-restart" });
    await running;
    await waitUntil(
      "the bus to reconnect",
      async () => !bus.nc.isClosed() && bus.nc.info !== undefined,
      30_000,
    );
    const result = await assertDelivered(fx, bus, stream);
    expect(result.unique).toBe(6 * 41);
  });
});
