// Wires player-api's real dependencies from configuration. Shared by the Node and Deno entries.
import { readFile } from "node:fs/promises";
import { createLogger } from "@croupier/core/log";
import { createMetrics } from "@croupier/core/metrics";
import { initTracing } from "@croupier/core/tracing";
import { createDatabase } from "@croupier/db/client";
import { createApp } from "./app.ts";
import { bridgeClient } from "./clients/bridge.ts";
import { ledgerClient } from "./clients/ledger.ts";
import { serviceClient } from "./clients/service-client.ts";
import { passwordHasher } from "./crypto/password.ts";
import { PasswordQueue, queuedHasher } from "./crypto/password-queue.ts";
import type { PlayerApiDeps } from "./deps.ts";
import { sweepDueLimits } from "./domain/limits/update-limits.ts";
import type { PlayerApiConfig } from "./env.ts";
import { loadKek } from "./keys/kek.ts";
import { createKeyRing } from "./keys/key-ring.ts";
import { ensureSigningKey } from "./keys/signing-keys.ts";
import { sessionCounters } from "./session-metrics.ts";

/**
 * How long a replaced signing key stays published: the longest lifetime any token may have had
 * (900 s, whatever the current setting, since tokens minted under an earlier setting may still be
 * out) plus clock skew.
 */
export function keyRetentionMs(config: Pick<PlayerApiConfig, "ACCESS_TOKEN_TTL_SECONDS">): number {
  return (Math.max(config.ACCESS_TOKEN_TTL_SECONDS, 900) + 60) * 1000;
}

/** The real dependencies; tests override the clock or a client. */
export async function buildDeps(
  config: PlayerApiConfig,
  overrides: Partial<PlayerApiDeps> = {},
): Promise<PlayerApiDeps> {
  const log =
    overrides.log ?? createLogger({ service: "player-api", level: config.LOG_LEVEL, region: config.REGION });
  const database =
    overrides.database ??
    createDatabase({
      url: config.DATABASE_URL,
      maxConnections: config.DATABASE_POOL_SIZE,
      applicationName: "player-api",
    });
  const kek = await loadKek(config, log);
  const clock = overrides.clock ?? (() => new Date());
  await ensureSigningKey(database.sql, kek, clock());
  const keys = createKeyRing({
    sql: database.sql,
    keks: new Map([[kek.id, kek]]),
    retentionMs: keyRetentionMs(config),
    cacheTtlMs: config.KEY_CACHE_TTL_MS,
    now: clock,
  });
  const call = (name: string, baseUrl: string) =>
    serviceClient({ name, baseUrl, caller: "player-api", secret: config.SERVICE_TOKEN_SECRET });
  const metrics = overrides.metrics ?? createMetrics("player-api");
  return {
    config,
    log,
    metrics,
    counters: sessionCounters(metrics.registry),
    database,
    keys,
    passwords: queuedHasher(
      passwordHasher({ memoryKiB: config.PASSWORD_MEMORY_KIB, iterations: config.PASSWORD_ITERATIONS }),
      new PasswordQueue(config.PASSWORD_QUEUE_MAX),
    ),
    ledger: ledgerClient(call("ledger", config.LEDGER_URL)),
    bridge: bridgeClient(call("bridge", config.BRIDGE_URL)),
    clock,
    docsAssets: await loadDocsAssets(),
    ...overrides,
  };
}

export async function buildRuntime(config: PlayerApiConfig) {
  const tracing = initTracing({ service: "player-api", otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT });
  let draining = false;
  const deps = await buildDeps(config, { tracing, isDraining: () => draining });
  const { log, database } = deps;
  const app = createApp(deps);
  const sweep = setInterval(() => {
    sweepDueLimits({ deps, correlation: {} }).catch((error) =>
      log.warn({ err: error }, "limit sweep failed"),
    );
  }, config.LIMIT_SWEEP_INTERVAL_MS);
  return {
    app,
    log,
    markDraining: () => {
      draining = true;
    },
    async close() {
      clearInterval(sweep);
      await database.close();
      await tracing.shutdown();
    },
  };
}

async function loadDocsAssets(): Promise<{ script: string; css: string } | undefined> {
  try {
    const dir = new URL("./", import.meta.resolve("swagger-ui-dist/package.json"));
    const [script, css] = await Promise.all([
      readFile(new URL("swagger-ui-bundle.js", dir), "utf8"),
      readFile(new URL("swagger-ui.css", dir), "utf8"),
    ]);
    return { script, css };
  } catch {
    return undefined;
  }
}
