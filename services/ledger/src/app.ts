import { createServiceApp } from "@croupier/core/http/app";
import type { Logger } from "@croupier/core/log";
import type { ServiceMetrics } from "@croupier/core/metrics";
import { parseCallers } from "@croupier/core/service-auth";
import type { Tracing } from "@croupier/core/tracing";
import type { Database } from "@croupier/db/client";
import type { Bus } from "@croupier/events/bus";
import { createOperationBatcher } from "./domain/operation-batcher.ts";
import type { LedgerConfig } from "./env.ts";
import { batchSizeMetric, operationMetrics } from "./http/operation-metrics.ts";
import { requireServiceToken } from "./http/service-auth.ts";
import { registerAccounts } from "./routes/accounts.ts";
import { registerAdjustments } from "./routes/adjustments.ts";
import { registerBonuses } from "./routes/bonuses.ts";
import { registerCashier } from "./routes/cashier.ts";
import { registerControls } from "./routes/controls.ts";
import type { RouteDeps } from "./routes/deps.ts";
import { registerGaming } from "./routes/gaming.ts";

export interface LedgerDeps {
  config: LedgerConfig;
  log: Logger;
  metrics: ServiceMetrics;
  tracing?: Tracing;
  database: Database;
  bus: Bus;
  isDraining?: () => boolean;
}

export const ledgerDescription = "Double-entry wallet and ledger: the only component that changes a balance.";

/** Builds the ledger's HTTP app from injected dependencies; never listens. */
export function createApp(deps: LedgerDeps) {
  const app = createServiceApp({
    service: "ledger",
    description: ledgerDescription,
    log: deps.log,
    metrics: deps.metrics,
    tracing: deps.tracing,
    isDraining: deps.isDraining,
    readiness: {
      database: () => deps.database.ping(),
      nats: async () => deps.bus.isConnected(),
    },
  });
  app.use("/v1/*", operationMetrics(deps.metrics));
  app.use("/v1/*", requireServiceToken(parseCallers(deps.config.SERVICE_CALLERS)));
  registerRoutes(app, {
    sql: deps.database.sql,
    region: deps.config.REGION,
    holdTtlSeconds: deps.config.HOLD_TTL_SECONDS,
    batcher:
      deps.config.OPERATION_BATCH_WINDOW_MS > 0
        ? createOperationBatcher({
            sql: deps.database.sql,
            windowMs: deps.config.OPERATION_BATCH_WINDOW_MS,
            maxBatch: deps.config.OPERATION_BATCH_MAX,
            maxInFlight: deps.config.OPERATION_BATCH_CONCURRENCY,
            onBatch: batchSizeMetric(deps.metrics),
          })
        : undefined,
  });
  return app;
}

export function registerRoutes(app: ReturnType<typeof createServiceApp>, deps: RouteDeps) {
  registerAccounts(app, deps);
  registerGaming(app, deps);
  registerCashier(app, deps);
  registerControls(app, deps);
  registerAdjustments(app, deps);
  registerBonuses(app, deps);
}
