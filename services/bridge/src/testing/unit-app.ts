// Builds the bridge app on in-memory ports for unit tests: a Map store, the in-memory wallet
// model and freshly generated keys. Integration tests use the real ledger and PostgreSQL.
import { createLogger } from "@croupier/core/log";
import { createMetrics } from "@croupier/core/metrics";
import { serviceTokenMinter } from "@croupier/core/service-auth";
import { createHub88Client } from "@croupier/provider-simulator/hub88-client";
import { createApp } from "../app.ts";
import { createMemoryStore } from "../domain/memory-store.ts";
import { createMemoryWallet } from "../domain/memory-wallet.ts";
import type { ProviderRecord } from "../domain/store-port.ts";
import { createProviderGateway } from "../outbound/provider-gateway.ts";
import { createResponseSigner } from "../signing/response-signer.ts";
import { generateSigningKeyPair } from "../signing/rsa.ts";

const PLAYER_API_SECRET = "player-api-secret-for-unit-tests-0123456789";

export async function buildUnitApp(options: { now?: () => Date } = {}) {
  const [providerKeys, operatorKeys] = await Promise.all([
    generateSigningKeyPair(),
    generateSigningKeyPair(),
  ]);
  const memory = createMemoryStore();
  const wallet = createMemoryWallet();
  const log = createLogger({ service: "bridge", level: "silent" });
  const signer = await createResponseSigner(operatorKeys.privateKeyPem);
  let now = options.now ?? (() => new Date());
  const provider: ProviderRecord = {
    id: "acme",
    adapter: "hub88",
    name: "Acme Games",
    publicKeyPem: providerKeys.publicKeyPem,
    launchUrl: null,
    reportsUrl: null,
    currencies: ["EUR", "GBP", "BTC"],
    enabled: true,
    isDefault: true,
    timeoutMs: 1000,
    // 0.01 to 50.00 EUR by default; blackjack takes up to 200.00 EUR (see stake-limits.test.ts).
    stakeLimits: { EUR: { minBet: 1_000n, maxBet: 5_000_000n } },
  };
  memory.addProvider(provider);
  memory.addProvider({ ...provider, id: "acme-live", adapter: "evolution", isDefault: true });
  for (const id of ["acme", "acme-live"]) {
    for (const gameCode of ["fruit", "blackjack"]) {
      memory.addGame({
        providerId: id,
        gameCode,
        name: gameCode,
        category: "slots",
        currencies: [],
        rtp: null,
        enabled: true,
        ...(gameCode === "blackjack" ? { stakeLimits: { EUR: { minBet: null, maxBet: 20_000_000n } } } : {}),
      });
    }
  }
  const app = createApp({
    log,
    metrics: createMetrics("bridge"),
    store: memory.store,
    wallet: wallet.wallet,
    signer,
    gateway: createProviderGateway({ signer, log }),
    callers: [{ name: "player-api", role: "player", secret: PLAYER_API_SECRET }],
    clock: () => now(),
    sessionTtlMs: 3600_000,
  });
  const fetchApp: typeof fetch = async (input, init) =>
    app.request(input instanceof Request ? input : String(input), init);
  const client = await createHub88Client({
    baseUrl: "http://bridge.test/providers/hub88",
    privateKeyPem: providerKeys.privateKeyPem,
    operatorPublicKeyPem: operatorKeys.publicKeyPem,
    fetch: fetchApp,
  });
  const mintPlayerApi = serviceTokenMinter({
    caller: "player-api",
    audience: "bridge",
    secret: PLAYER_API_SECRET,
  });

  /** Opens an account in the wallet model and a session through the real launch route. */
  async function player(
    options: { balance?: bigint; currency?: string; game?: string; provider?: string } = {},
  ) {
    const playerId = `ply_${crypto.randomUUID().replaceAll("-", "")}`;
    const currency = options.currency ?? "EUR";
    wallet.open(playerId, currency, options.balance ?? 10_000_000n);
    const response = await app.request("/v1/launch", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${await mintPlayerApi()}` },
      body: JSON.stringify({
        playerId,
        currency,
        gameId: `${options.provider ?? "acme"}:${options.game ?? "fruit"}`,
        jurisdiction: "eu",
        sessionId: "ses_1",
      }),
    });
    if (response.status !== 201)
      throw new Error(`launch failed: ${response.status} ${await response.text()}`);
    const { token } = (await response.json()) as { token: string };
    return { playerId, currency, token };
  }

  return {
    app,
    client,
    wallet,
    memory,
    provider,
    providerKeys,
    operatorKeys,
    fetchApp,
    player,
    mintPlayerApi,
    setNow: (fn: () => Date) => {
      now = fn;
    },
  };
}
