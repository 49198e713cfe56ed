import { createServiceApp } from "@croupier/core/http/app";
import type { Logger } from "@croupier/core/log";
import type { ServiceMetrics } from "@croupier/core/metrics";
import type { Tracing } from "@croupier/core/tracing";
import type { Database } from "@croupier/db/client";
import type { Bus } from "@croupier/events/bus";
import type { LedgerConfig } from "./env.ts";

export interface LedgerDeps {
  config: LedgerConfig;
  log: Logger;
  metrics: ServiceMetrics;
  tracing?: Tracing;
  database: Database;
  bus: Bus;
  isDraining?: () => boolean;
}

/** Builds the ledger's HTTP app from injected dependencies; never listens. */
export function createApp(deps: LedgerDeps) {
  const app = createServiceApp({
    service: "ledger",
    description: "Double-entry wallet and ledger: the only component that changes a balance.",
    log: deps.log,
    metrics: deps.metrics,
    tracing: deps.tracing,
    isDraining: deps.isDraining,
    readiness: {
      database: () => deps.database.ping(),
      nats: async () => deps.bus.isConnected(),
    },
  });
  return app;
}
