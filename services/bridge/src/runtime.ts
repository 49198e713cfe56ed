// Wires the bridge's real dependencies from configuration. Shared by the Node and Deno entries.
import { createLogger } from "@croupier/core/log";
import { createMetrics } from "@croupier/core/metrics";
import { initTracing } from "@croupier/core/tracing";
import { createDatabase } from "@croupier/db/client";
import { connectBus } from "@croupier/events/bus";
import { createApp } from "./app.ts";
import { createPgStore } from "./db/pg-store.ts";
import type { BridgeConfig } from "./env.ts";
import { createLedgerClient, type LedgerTransport } from "./ledger/ledger-client.ts";
import { createProviderGateway } from "./outbound/provider-gateway.ts";
import { startReconciliationWorker } from "./outbound/reconciliation-worker.ts";
import { bridgeStream } from "./rounds/round-events.ts";
import { startRoundWorker } from "./rounds/round-worker.ts";
import { providersReady } from "./routes/providers/health.ts";
import { loadSigningKeyPem } from "./signing/load-key.ts";
import { createResponseSigner } from "./signing/response-signer.ts";

export async function buildRuntime(
  config: BridgeConfig,
  options: { ledgerTransport?: LedgerTransport & { close?(): Promise<void> } } = {},
) {
  const log = createLogger({ service: "bridge", level: config.LOG_LEVEL, region: config.REGION });
  const metrics = createMetrics("bridge");
  const tracing = initTracing({ service: "bridge", otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT });
  const database = createDatabase({
    url: config.DATABASE_URL,
    maxConnections: config.DATABASE_POOL_SIZE,
    applicationName: "bridge",
  });
  const bus = await connectBus({ url: config.NATS_URL, name: `bridge-${config.REGION}` });
  await bus.ensureStream(bridgeStream(config.REGION));
  const key = await loadSigningKeyPem(config);
  if (key.ephemeral) log.warn("no BRIDGE_SIGNING_KEY_*: responses are signed with an ephemeral key");
  const signer = await createResponseSigner(key.pem);
  const store = createPgStore(database.sql, { maxBatchesInFlight: config.DATABASE_BATCHES_IN_FLIGHT });
  const wallet = createLedgerClient({
    baseUrl: config.LEDGER_URL,
    secret: config.SERVICE_TOKEN_SECRET,
    caller: config.SERVICE_NAME,
    timeoutMs: config.LEDGER_TIMEOUT_MS,
    ...(options.ledgerTransport ? { transport: options.ledgerTransport } : {}),
  });
  const gateway = createProviderGateway({ signer, log });
  let draining = false;
  const app = createApp({
    log,
    metrics,
    tracing,
    store,
    wallet,
    signer,
    gateway,
    callers: config.SERVICE_CALLERS,
    sessionTtlMs: config.SESSION_TTL_MS,
    maxProviderBodyBytes: config.PROVIDER_MAX_BODY_BYTES,
    publicLaunchBaseUrl: config.PUBLIC_LAUNCH_BASE_URL,
    isDraining: () => draining,
    readiness: {
      database: () => database.ping(),
      nats: async () => bus.isConnected(),
      ledger: () => wallet.isHealthy?.() ?? Promise.resolve(true),
      providers: () => providersReady(store, gateway),
    },
  });
  const rounds = startRoundWorker({
    sql: database.sql,
    bus,
    region: config.REGION,
    log,
    timeoutMs: config.ROUND_TIMEOUT_MS,
    intervalMs: config.ROUND_SWEEP_INTERVAL_MS,
  });
  const reconciliation = startReconciliationWorker({
    sql: database.sql,
    store,
    gateway,
    log,
    intervalMs: config.RECONCILIATION_INTERVAL_MS,
  });
  return {
    app,
    log,
    markDraining: () => {
      draining = true;
    },
    async close() {
      await reconciliation.stop();
      await rounds.stop();
      await bus.close();
      await database.close();
      await options.ledgerTransport?.close?.();
      await tracing.shutdown();
    },
  };
}
