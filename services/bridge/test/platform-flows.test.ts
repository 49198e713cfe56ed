// End-to-end flows through real processes: player-api-style launch → the provider simulator's
// launch endpoint → the simulator plays signed rounds → ledger balances; round events on
// JetStream; idle-round timeout; reconciliation; readiness and launch when the provider is down.
import type { AddressInfo } from "node:net";
import { testNatsUrl, uniqueSuffix } from "@croupier/devstack/test-harness";
import { connectBus } from "@croupier/events/bus";
import type { EventEnvelope } from "@croupier/events/envelope";
import { createHub88Client, type Hub88Client } from "@croupier/provider-simulator/hub88-client";
import { createSimulatorApp } from "@croupier/provider-simulator/server";
import { createTransactionLog } from "@croupier/provider-simulator/transaction-log";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPlatform } from "../../../tests/conformance/platform.ts";
import { startRealPlatform, TEST_PROVIDERS } from "./real-platform.ts";

const ROUNDS = 3;
const STAKE = 100_000;
let platform: Awaited<ReturnType<typeof startRealPlatform>>;
let simulator: ReturnType<typeof serve>;
let simulatorUrl: string;
let client: Hub88Client;
const log = createTransactionLog();
const events: EventEnvelope[] = [];
const stopConsuming = new AbortController();
let bus: Awaited<ReturnType<typeof connectBus>>;

async function eventually<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  const clientHolder = {} as Hub88Client;
  const app = createSimulatorApp({
    client: clientHolder,
    log,
    publicBaseUrl: "http://simulator.test",
    autoplayRounds: ROUNDS,
    stake: STAKE,
  });
  simulator = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise((resolve) => simulator.once("listening", resolve));
  simulatorUrl = `http://127.0.0.1:${(simulator.address() as AddressInfo).port}`;
  platform = await startRealPlatform({
    launchUrl: `${simulatorUrl}/game/url`,
    reportsUrl: `${simulatorUrl}/transactions/report`,
    bridgeEnv: { ROUND_TIMEOUT_MS: "2000", RECONCILIATION_INTERVAL_MS: "1500" },
  });
  const operatorKey = await (await fetch(`${platform.bridge.url}/providers/hub88/public-key`)).text();
  client = await createHub88Client({
    baseUrl: `${platform.bridge.url}/providers/hub88/${TEST_PROVIDERS.hub88.id}`,
    privateKeyPem: platform.keys.privateKeyPem,
    operatorPublicKeyPem: operatorKey,
  });
  Object.assign(clientHolder, client);
  bus = await connectBus({ url: testNatsUrl(), name: "bridge-flows-test" });
  void bus
    .consume({
      stream: "BRIDGE_EU",
      durable: `bridge-flows-${uniqueSuffix()}`,
      filterSubject: "eu.bridge.round.>",
      signal: stopConsuming.signal,
      handler: async (event) => {
        events.push(event);
      },
    })
    .catch(() => undefined);
}, 120_000);

afterAll(async () => {
  stopConsuming.abort();
  await bus?.close();
  await platform?.stop();
  simulator?.close();
});

const conformancePlatform = () =>
  createPlatform({
    bridgeUrl: platform.bridge.url,
    ledgerUrl: platform.ledger.url,
    secrets: platform.secrets,
    gameId: `${TEST_PROVIDERS.hub88.id}:${TEST_PROVIDERS.hub88.gameCode}`,
  });

describe("bridge platform flows", () => {
  it("launches through the provider, whose simulated player plays signed rounds settled in the ledger", async () => {
    const player = await conformancePlatform().player({ balance: 10_000_000n });
    const mine = () => log.all().filter((t) => t.user === player.playerId);
    // Launching alone plays nothing: the simulated player plays once the game URL is opened.
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(mine()).toHaveLength(0);
    const game = new URL(player.launchUrl);
    expect((await fetch(`${simulatorUrl}${game.pathname}${game.search}`)).status).toBe(200);
    await eventually(
      () => mine().filter((t) => t.kind === "win" && t.status === "ok").length === ROUNDS || undefined,
      "three settled rounds",
    );
    const bets = mine().filter((t) => t.kind === "bet" && t.status === "ok");
    const wins = mine().filter((t) => t.kind === "win" && t.status === "ok");
    const expected =
      10_000_000n -
      BigInt(bets.reduce((s, t) => s + t.amount, 0)) +
      BigInt(wins.reduce((s, t) => s + t.amount, 0));
    expect(bets).toHaveLength(ROUNDS);
    expect(await conformancePlatform().balance(player)).toBe(expected);

    const closed = await eventually(() => {
      const found = events.filter((e) => e.playerId === player.playerId && e.type === "bridge.round.closed");
      return found.length === ROUNDS ? found : undefined;
    }, "round closed events");
    expect(
      closed.every(
        (e) => e.data.reason === "round_closed" && e.region === "eu" && e.roundId?.startsWith("rnd_"),
      ),
    ).toBe(true);
    expect(
      events.filter((e) => e.playerId === player.playerId && e.type === "bridge.round.opened"),
    ).toHaveLength(ROUNDS);
  });

  it("closes a round left open by the provider after the timeout, with an event saying so", async () => {
    const platformApi = conformancePlatform();
    const player = await platformApi.player({ balance: 10_000_000n });
    const token = await platformApi.session(player);
    const round = crypto.randomUUID();
    const bet = await client.bet({
      user: player.playerId,
      token,
      request_uuid: crypto.randomUUID(),
      transaction_uuid: crypto.randomUUID(),
      round,
      game_code: TEST_PROVIDERS.hub88.gameCode,
      currency: "EUR",
      amount: 10_000,
      round_closed: false,
    });
    expect(bet.status).toBe("RS_OK");
    const closed = await eventually(
      () => events.find((e) => e.type === "bridge.round.closed" && e.data.providerRound === round),
      "the timeout close event",
    );
    expect(closed.data.reason).toBe("timeout");
  });

  it("reconciliation flags a transaction the provider reports but the operator never saw", async () => {
    const ghost = crypto.randomUUID();
    log.add({
      transaction_uuid: ghost,
      kind: "bet",
      user: "ply_ghost",
      currency: "EUR",
      amount: 500,
      status: "ok",
    });
    const rows = await eventually(async () => {
      const found =
        await platform.bridgeSql`select kind from reconciliation_mismatches where transaction_uuid = ${ghost}`;
      return found.length > 0 ? found : undefined;
    }, "a reconciliation finding");
    expect(rows[0]?.kind).toBe("missing_on_operator");
  });

  it("answers launches with 503 and reports not ready once the provider is down", async () => {
    await new Promise((resolve) => simulator.close(resolve));
    const platformApi = conformancePlatform();
    for (let i = 0; i < 6; i++) await expect(platformApi.player({ balance: 0n })).rejects.toThrow(/503/);
    const ready = await fetch(`${platform.bridge.url}/healthz/ready`);
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as { checks: Record<string, string> }).checks.providers).toBe("failing");
  });
});
