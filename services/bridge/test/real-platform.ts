// Starts the real ledger and the bridge as processes on throwaway databases (from `npm test`),
// registers test providers with freshly generated keys, and hands out what the conformance
// suite and the integration tests need. No part of the ledger is faked here.
import { createDatabase } from "@croupier/db/client";
import { deriveSecret } from "@croupier/devstack/secrets";
import { createTestDatabase, startServiceProcess, TEST_ENV } from "@croupier/devstack/test-harness";
import { generateProviderKeys } from "@croupier/provider-simulator/signing";
import { upsertProvider } from "../src/db/seed-data.ts";

export const TEST_PROVIDERS = {
  hub88: { id: "conf-hub88", gameCode: "conf_slot" },
  evolution: { id: "conf-evo", gameCode: "conf_table" },
} as const;

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
      games: [{ code: provider.gameCode, name: "Conformance game" }],
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
