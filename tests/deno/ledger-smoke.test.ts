// Runs the ledger's createApp under Deno against the real PostgreSQL and nats-server of the
// test run: proof that services are runtime-agnostic (Web-standard APIs and Hono only).

import { parseEnv } from "@croupier/core/env";
import { createLogger } from "@croupier/core/log";
import { createMetrics } from "@croupier/core/metrics";
import { createDatabase } from "@croupier/db/client";
import { createTestDatabase, testNatsUrl } from "@croupier/devstack/test-harness";
import { connectBus } from "@croupier/events/bus";
import { createApp } from "../../services/ledger/src/app.ts";
import { ledgerEnv } from "../../services/ledger/src/env.ts";

declare const Deno: { test(name: string, fn: () => Promise<void>): void };

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

Deno.test("ledger app serves health, readiness and OpenAPI under Deno", async () => {
  const testDb = await createTestDatabase("croupier_ledger");
  const database = createDatabase({ url: testDb.url, maxConnections: 2 });
  const bus = await connectBus({ url: testNatsUrl(), name: "deno-smoke" });
  try {
    const config = parseEnv(ledgerEnv, { DATABASE_URL: testDb.url, NATS_URL: testNatsUrl() });
    const app = createApp({
      config,
      log: createLogger({ service: "ledger", level: "silent" }),
      metrics: createMetrics("ledger"),
      database,
      bus,
    });
    const live = await app.request("/healthz/live");
    assert(live.status === 200, `live answered ${live.status}`);
    const ready = await app.request("/healthz/ready");
    const body = (await ready.json()) as { checks: Record<string, string> };
    assert(ready.status === 200, `ready answered ${ready.status}: ${JSON.stringify(body)}`);
    assert(body.checks.database === "ok" && body.checks.nats === "ok", "database and NATS are checked");
    const openapi = (await (await app.request("/openapi.json")).json()) as { openapi: string };
    assert(openapi.openapi === "3.1.0", "OpenAPI 3.1 document");
    const missing = await app.request("/nope");
    assert(missing.status === 404, "unknown route is 404");
    assert(missing.headers.get("content-type") === "application/problem+json", "404 is problem+json");
    await missing.body?.cancel();
  } finally {
    await bus.close();
    await database.close();
    await testDb.drop();
  }
});
