// Wires the ledger's real dependencies from configuration. Shared by the Node and Deno entries.
import { createLogger } from "@croupier/core/log";
import { createMetrics } from "@croupier/core/metrics";
import { initTracing } from "@croupier/core/tracing";
import { createDatabase } from "@croupier/db/client";
import { connectBus } from "@croupier/events/bus";
import { createApp } from "./app.ts";
import type { LedgerConfig } from "./env.ts";

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
  return {
    app,
    log,
    markDraining: () => {
      draining = true;
    },
    async close() {
      await bus.close();
      await database.close();
      await tracing.shutdown();
    },
  };
}
