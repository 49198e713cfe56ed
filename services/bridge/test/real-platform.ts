// Starts the real ledger and the bridge as processes on throwaway databases (from `npm test`),
// registers test providers with freshly generated keys, and hands out what the conformance
// suite and the integration tests need. No part of the ledger is faked here.
import { createDatabase } from "@croupier/db/client";
import { deriveSecret } from "@croupier/devstack/secrets";
import { createTestDatabase, startServiceProcess, TEST_ENV } from "@croupier/devstack/test-harness";
import { generateProviderKeys } from "@croupier/provider-simulator/signing";
import { type StakeLimitSeed, upsertProvider } from "../src/db/seed-data.ts";

/** Stake limits: a provider default for the slot, a game's own limit replacing it for the table. */
export const TEST_PROVIDERS: Record<
  "hub88" | "evolution",
  { id: string; gameCode: string; stakeLimits: StakeLimitSeed; gameStakeLimits?: StakeLimitSeed }
> = {
  hub88: {
    id: "conf-hub88",
    gameCode: "conf_slot",
    stakeLimits: { EUR: { min: "0.10", max: "1000.00" }, GBP: { min: "0.10", max: "5.00" } },
  },
  evolution: {
    id: "conf-evo",
    gameCode: "conf_table",
    stakeLimits: { EUR: { min: "0.10", max: "100.00" } },
    gameStakeLimits: { EUR: { min: "1.00", max: "2500.00" } },
  },
};

export async function startRealPlatform(
  options: { bridgeEnv?: Record<string, string>; launchUrl?: string; reportsUrl?: string } = {},
) {
  const master = process.env[TEST_ENV.masterSecret];
  if (!master) throw new Error("run integration tests with `npm test`");
  const keys = await generateProviderKeys();
  const ledgerDb = await createTestDatabase("croupier_ledger");
  const bridgeDb = await createTestDatabase("croupier_bridge");
  const seedDb = createDatabase({ url: bridgeDb.url, maxConnections: 2 });
  for (const [adapter, provider] of Object.entries(TEST_PROVIDERS)) {
    await upsertProvider(seedDb.sql, {
      id: provider.id,
      adapter,
      name: `Conformance ${adapter}`,
      publicKeyPem: keys.publicKeyPem,
      launchUrl: adapter === "hub88" ? (options.launchUrl ?? null) : null,
      reportsUrl: adapter === "hub88" ? (options.reportsUrl ?? null) : null,
      currencies: ["EUR", "GBP"],
      isDefault: true,
      stakeLimits: provider.stakeLimits,
      games: [{ code: provider.gameCode, name: "Conformance game", stakeLimits: provider.gameStakeLimits }],
    });
  }
  const ledger = await startServiceProcess("ledger", { databaseUrl: ledgerDb.url });
  const bridge = await startServiceProcess("bridge", {
    databaseUrl: bridgeDb.url,
    env: { LEDGER_URL: ledger.url, ROUND_SWEEP_INTERVAL_MS: "200", ...options.bridgeEnv },
  });
  return {
    ledger,
    bridge,
    keys,
    bridgeSql: seedDb.sql,
    secrets: {
      playerApi: deriveSecret(master, "service-token:player-api"),
      cashier: deriveSecret(master, "service-token:cashier"),
    },
    async stop() {
      await bridge.stop();
      await ledger.stop();
      await seedDb.close();
      await bridgeDb.drop().catch(() => undefined);
      await ledgerDb.drop().catch(() => undefined);
    },
  };
}
