// Runs reconciliation for every provider that publishes reports, one window per interval.
import type { Logger } from "@croupier/core/log";
import type { Sql } from "postgres";
import type { BridgeStore } from "../domain/store-port.ts";
import type { ProviderGateway } from "./provider-gateway.ts";
import { reconcileProvider } from "./reconciliation.ts";

export function startReconciliationWorker(deps: {
  sql: Sql;
  store: BridgeStore;
  gateway: ProviderGateway;
  log: Logger;
  intervalMs: number;
}) {
  let windowStart = new Date(Date.now() - deps.intervalMs);
  let running: Promise<void> = Promise.resolve();
  const tick = async () => {
    const windowEnd = new Date();
    for (const provider of await deps.store.listProviders()) {
      if (!provider.enabled || !provider.reportsUrl) continue;
      try {
        await reconcileProvider({ ...deps, provider, from: windowStart, to: windowEnd });
      } catch (error) {
        deps.log.warn(
          { err: error, providerId: provider.id },
          "reconciliation failed; the window is retried next time",
        );
        return;
      }
    }
    windowStart = windowEnd;
  };
  const timer = setInterval(() => {
    running = running.then(tick).catch(() => undefined);
  }, deps.intervalMs);
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
