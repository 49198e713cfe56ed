// Wires the ledger's real dependencies from configuration. Shared by the Node and Deno entries.
import { createLogger } from "@croupier/core/log";
import { createMetrics } from "@croupier/core/metrics";
import { initTracing } from "@croupier/core/tracing";
import { createDatabase } from "@croupier/db/client";
import { connectBus } from "@croupier/events/bus";
import { Counter } from "prom-client";
import { createApp } from "./app.ts";
import { type LedgerConfig, walletStream } from "./env.ts";
import { startBackgroundJobs } from "./jobs/background-jobs.ts";
import { startOutboxRelay } from "./outbox/relay.ts";

export async function buildRuntime(config: LedgerConfig) {
  const log = createLogger({ service: "ledger", level: config.LOG_LEVEL, region: config.REGION });
  const metrics = createMetrics("ledger");
  const tracing = initTracing({ service: "ledger", otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT });
  const database = createDatabase({
    url: config.DATABASE_URL,
    maxConnections: config.DATABASE_POOL_SIZE,
    applicationName: "ledger",
  });
  const bus = await connectBus({ url: config.NATS_URL, name: `ledger-${config.REGION}` });
  let draining = false;
  const app = createApp({ config, log, metrics, tracing, database, bus, isDraining: () => draining });

  const published = new Counter({
    name: "wallet_outbox_published_total",
    help: "Wallet events relayed from the outbox to JetStream.",
    registers: [metrics.registry],
  });
  let relay: ReturnType<typeof startOutboxRelay> | undefined;
  if (config.OUTBOX_RELAY) {
    const stream = walletStream(config);
    await bus.ensureStream({
      name: stream,
      subjects: [`${config.REGION}.wallet.>`],
      duplicateWindowMs: 10 * 60_000,
    });
    relay = startOutboxRelay({ sql: database.sql, bus, log, onPublished: (n) => published.inc(n) });
  }
  const jobs = config.BACKGROUND_JOBS
    ? startBackgroundJobs({
        sql: database.sql,
        log,
        region: config.REGION,
        idempotencyRetentionDays: config.IDEMPOTENCY_RETENTION_DAYS,
      })
    : undefined;

  return {
    app,
    log,
    markDraining: () => {
      draining = true;
    },
    async close() {
      await relay?.stop();
      await jobs?.stop();
      await bus.close();
      await database.close();
      await tracing.shutdown();
    },
  };
}
