// An in-process ledger on a fresh database cloned from the migrated template, with three callers
// (one per role) and helpers that sign requests like the real callers do.
import { randomBytes } from "node:crypto";
import { parseEnv } from "@croupier/core/env";
import { createLogger } from "@croupier/core/log";
import { createMetrics } from "@croupier/core/metrics";
import { serviceTokenMinter } from "@croupier/core/service-auth";
import { createDatabase } from "@croupier/db/client";
import { createTestDatabase } from "@croupier/devstack/test-harness";
import type { Bus } from "@croupier/events/bus";
import { createApp } from "../../src/app.ts";
import { ledgerEnv } from "../../src/env.ts";

export const callers = { bridge: "gaming", "player-api": "player", cashier: "cashier" } as const;
export type CallerName = keyof typeof callers;

export const offlineBus = { isConnected: () => true, close: async () => {} } as unknown as Bus;

export interface LedgerFixture {
  url: string;
  sql: ReturnType<typeof createDatabase>["sql"];
  request(
    caller: CallerName | null,
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Response>;
  call<T = Record<string, unknown>>(
    caller: CallerName,
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: T; headers: Headers }>;
  secrets: Record<CallerName, string>;
  callersEnv: string;
  close(): Promise<void>;
}

export async function ledgerFixture(
  options: { region?: string; bus?: Bus; poolSize?: number; batchWindowMs?: number } = {},
): Promise<LedgerFixture> {
  const testDb = await createTestDatabase("croupier_ledger");
  const database = createDatabase({ url: testDb.url, maxConnections: options.poolSize ?? 8 });
  const secrets = Object.fromEntries(
    Object.keys(callers).map((name) => [name, randomBytes(24).toString("base64url")]),
  ) as Record<CallerName, string>;
  const callersEnv = Object.entries(callers)
    .map(([name, role]) => `${name}:${role}:${secrets[name as CallerName]}`)
    .join(",");
  const config = parseEnv(ledgerEnv, {
    DATABASE_URL: testDb.url,
    NATS_URL: "nats://127.0.0.1:4222",
    SERVICE_CALLERS: callersEnv,
    REGION: options.region ?? "eu",
    OPERATION_BATCH_WINDOW_MS: String(options.batchWindowMs ?? 0),
  });
  const app = createApp({
    config,
    log: createLogger({ service: "ledger", level: (process.env.TEST_LOG_LEVEL ?? "silent") as "silent" }),
    metrics: createMetrics("ledger"),
    database,
    bus: options.bus ?? offlineBus,
  });
  const minters = Object.fromEntries(
    Object.keys(callers).map((name) => [
      name,
      serviceTokenMinter({ caller: name, audience: "ledger", secret: secrets[name as CallerName] }),
    ]),
  ) as Record<CallerName, () => Promise<string>>;
  const request: LedgerFixture["request"] = async (caller, method, path, body, headers = {}) => {
    const h: Record<string, string> = { ...headers };
    if (caller) h.authorization = `Bearer ${await minters[caller]()}`;
    if (body !== undefined) h["content-type"] = "application/json";
    return app.request(path, {
      method,
      headers: h,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  };
  return {
    url: testDb.url,
    sql: database.sql,
    secrets,
    callersEnv,
    request,
    async call(caller, method, path, body, headers) {
      const res = await request(caller, method, path, body, headers);
      return { status: res.status, body: (await res.json()) as never, headers: res.headers };
    },
    async close() {
      await database.close();
      await testDb.drop();
    },
  };
}

let counter = 0;
/** A unique id for this test run (players, bets, keys…). */
export function uid(prefix: string): string {
  counter += 1;
  return `${prefix}_${Date.now().toString(36)}${counter.toString(36)}${randomBytes(3).toString("hex")}`;
}

/** Opens an EUR account for a new player and funds it with a deposit. */
export async function fundedPlayer(fx: LedgerFixture, amount = "1000000", currency = "EUR") {
  const playerId = uid("ply");
  const opened = await fx.call("player-api", "POST", `/v1/players/${playerId}/accounts`, {
    currency,
    jurisdiction: "eu",
  });
  if (opened.status !== 201) throw new Error(`open account: ${opened.status} ${JSON.stringify(opened.body)}`);
  if (amount !== "0") {
    const dep = await fx.call(
      "cashier",
      "POST",
      "/v1/deposits",
      { playerId, currency, amount, depositId: uid("dep"), psp: "test", pspReference: uid("psp") },
      { "idempotency-key": uid("k") },
    );
    if (dep.status !== 201) throw new Error(`deposit: ${dep.status} ${JSON.stringify(dep.body)}`);
  }
  return playerId;
}
