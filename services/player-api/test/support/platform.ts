// Test wiring: a real ledger process (own database), player-api in-process on its own database
// (so the clock can be moved), and a client that signs requests the way the edge does.
import { parseEnv } from "@croupier/core/env";
import { deriveSecret } from "@croupier/devstack/secrets";
import {
  createTestDatabase,
  type RunningService,
  startServiceProcess,
  TEST_ENV,
} from "@croupier/devstack/test-harness";
import { signEdgeHeaders } from "@croupier/edge-auth";
import { decodeJwt } from "jose";
import { createApp } from "../../src/app.ts";
import type { BridgeClient } from "../../src/clients/bridge.ts";
import { type ServiceClient, serviceClient } from "../../src/clients/service-client.ts";
import type { PlayerApiDeps } from "../../src/deps.ts";
import { playerApiEnv } from "../../src/env.ts";
import { buildDeps } from "../../src/runtime.ts";

export function masterSecret(): string {
  const value = process.env[TEST_ENV.masterSecret];
  if (!value) throw new Error("run the integration tests with `npm test`");
  return value;
}

export const secretOf = (caller: string) => deriveSecret(masterSecret(), `service-token:${caller}`);
export const edgeSecret = () => deriveSecret(masterSecret(), "edge-signing");

/** The ledger with the callers these tests play: player-api, a bridge (gaming) and a cashier. */
export async function startLedger(): Promise<{ ledger: RunningService; stop(): Promise<void> }> {
  const db = await createTestDatabase("croupier_ledger");
  const callers = [
    ["player-api", "player"],
    ["bridge", "gaming"],
    ["cashier", "cashier"],
  ]
    .map(([name, role]) => `${name}:${role}:${secretOf(name as string)}`)
    .join(",");
  const ledger = await startServiceProcess("ledger", {
    databaseUrl: db.url,
    env: { SERVICE_CALLERS: callers },
  });
  return {
    ledger,
    async stop() {
      await ledger.stop();
      await db.drop();
    },
  };
}

/** A client calling the ledger as another service would (e.g. "bridge" or "cashier"). */
export function ledgerAs(caller: string, ledgerUrl: string): ServiceClient {
  return serviceClient({ name: "ledger", baseUrl: ledgerUrl, caller, secret: secretOf(caller) });
}

export const fakeBridge: BridgeClient = {
  async games(_c, currency) {
    return [
      {
        gameId: "sim-slot",
        providerId: "sim",
        name: "Simulated slot",
        category: "slots",
        currencies: [currency],
      },
    ];
  },
  async launch(_c, input) {
    return {
      launchUrl: `https://games.test/launch?game=${input.gameId}`,
      token: `tok_${input.sessionId}_${input.gameId}_${input.currency}`,
      expiresAt: new Date(Date.now() + 600_000).toISOString(),
    };
  },
};

export interface TestPlayerApi {
  app: ReturnType<typeof createApp>;
  deps: PlayerApiDeps;
  databaseUrl: string;
  /** Moves the app's clock (only the app's: PostgreSQL's now() stays real). */
  advance(ms: number): void;
  stop(): Promise<void>;
}

export async function startPlayerApi(options: {
  ledgerUrl: string;
  env?: Record<string, string>;
  bridge?: BridgeClient;
}): Promise<TestPlayerApi> {
  const db = await createTestDatabase("croupier_player");
  const config = parseEnv(playerApiEnv, {
    DATABASE_URL: db.url,
    LEDGER_URL: options.ledgerUrl,
    SERVICE_TOKEN_SECRET: secretOf("player-api"),
    EDGE_SIGNING_SECRET: edgeSecret(),
    LOG_LEVEL: process.env.PLAYER_API_TEST_LOG ?? "silent",
    DATABASE_POOL_SIZE: "4",
    PASSWORD_MEMORY_KIB: "4096",
    PASSWORD_ITERATIONS: "1",
    KEY_CACHE_TTL_MS: "1",
    ...options.env,
  });
  let offset = 0;
  const deps = await buildDeps(config, {
    clock: () => new Date(Date.now() + offset),
    bridge: options.bridge ?? fakeBridge,
  });
  return {
    app: createApp(deps),
    deps,
    databaseUrl: db.url,
    advance(ms) {
      offset += ms;
    },
    async stop() {
      await deps.database.close();
      await db.drop();
    },
  };
}

type AppLike = { request(url: string, init: RequestInit): Response | Promise<Response> };

/** Sends a request as the edge would: identity from the (already verified) token, signed headers. */
export function edgeClient(app: AppLike, options: { now?: () => Date; country?: string } = {}) {
  return async (
    method: string,
    path: string,
    init: { body?: unknown; token?: string; headers?: Record<string, string>; rawBody?: string } = {},
  ): Promise<Response> => {
    const url = `http://player-api.test${path}`;
    const headers = new Headers();
    headers.set("x-request-id", `req_test_${Math.random().toString(16).slice(2)}`);
    headers.set("x-croupier-country", options.country ?? "MT");
    headers.set("x-croupier-region", "eu");
    if (init.token) {
      const claims = decodeJwt(init.token);
      headers.set("authorization", `Bearer ${init.token}`);
      headers.set("x-croupier-player", String(claims.sub));
      headers.set("x-croupier-session", String(claims.sid));
      headers.set("x-croupier-jurisdiction", String(claims.jur));
    }
    // Explicit headers win, so a test can forge an identity the token does not carry.
    for (const [name, value] of Object.entries(init.headers ?? {})) headers.set(name, value);
    let body: string | undefined = init.rawBody;
    if (init.body !== undefined) {
      body = JSON.stringify(init.body);
      if (!headers.has("content-type")) headers.set("content-type", "application/json");
    }
    const signed = await signEdgeHeaders({
      method,
      url,
      headers,
      secret: edgeSecret(),
      now: options.now?.(),
    });
    return app.request(url, { method, headers: signed, body });
  };
}

let counter = 0;
export function newPlayerInput(overrides: Record<string, unknown> = {}) {
  counter += 1;
  return {
    email: `player${Date.now()}${counter}@example.com`,
    password: "a long enough passphrase",
    dateOfBirth: "1990-04-01",
    country: "MT",
    ...overrides,
  };
}
