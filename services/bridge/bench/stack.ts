// Brings up what the bridge benchmarks measure: throwaway PostgreSQL and nats-server on free
// ports, the real ledger and bridge as processes, a provider with a fresh key, and funded
// players with sessions. Everything is torn down by `stop()`.
import { createPrivateKey, generateKeyPairSync, type KeyObject, randomBytes, sign } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serviceTokenMinter } from "@croupier/core/service-auth";
import { createDatabase } from "@croupier/db/client";
import { serviceEnv } from "@croupier/devstack/platform-env";
import { freePort, waitFor } from "@croupier/devstack/ports";
import { startProcess, stopAll } from "@croupier/devstack/processes";
import { prepareDatabases, provisionDataPlane } from "@croupier/devstack/provision";
import { deriveSecret } from "@croupier/devstack/secrets";
import { discoverServices } from "@croupier/devstack/services";
import { upsertProvider } from "../src/db/seed-data.ts";
import { pidByCommandLine, postmasterPid, processCpu } from "./process-cpu.ts";

export const PROVIDER_ID = "bench";
export const GAME_CODE = "bench_slot";

export interface BenchPlayer {
  playerId: string;
  token: string;
}

export async function startBenchStack(options: {
  say: (m: string) => void;
  bridgeEnv?: Record<string, string>;
}) {
  const dataDir = mkdtempSync(join(tmpdir(), "croupier-bench-"));
  const plane = await provisionDataPlane({
    dataDir,
    pgPort: await freePort(),
    natsPort: await freePort(),
    throwaway: true,
    onStep: options.say,
  });
  let stopped: Promise<void> | undefined;
  let closeLedgerDb: (() => Promise<void>) | undefined;
  const stop = () => {
    stopped ??= (async () => {
      await closeLedgerDb?.().catch(() => undefined);
      await stopAll(10_000);
      await plane.stop().catch(() => undefined);
      rmSync(dataDir, { recursive: true, force: true });
    })();
    return stopped;
  };
  // Ctrl-C or a timeout must not leave servers behind.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void stop().then(() => process.exit(130)));
  }
  try {
    const all = discoverServices().filter((s) => s.name === "ledger" || s.name === "bridge");
    const services = await Promise.all(all.map(async (s) => ({ ...s, port: await freePort() })));
    await prepareDatabases(plane, services, { onStep: options.say });
    const masterSecret = randomBytes(32).toString("base64url");
    const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const db = createDatabase({ url: plane.databaseUrlFor("croupier_bridge"), maxConnections: 1 });
    await upsertProvider(db.sql, {
      id: PROVIDER_ID,
      adapter: "hub88",
      name: "Benchmark provider",
      publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
      currencies: ["EUR"],
      isDefault: true,
      games: [{ code: GAME_CODE, name: "Benchmark slot" }],
    });
    await db.close();
    const urls: Record<string, string> = {};
    const pids: Record<string, number | undefined> = {};
    for (const service of services) {
      const env = {
        ...process.env,
        ...serviceEnv(service, services, {
          databaseUrlFor: plane.databaseUrlFor,
          natsUrl: plane.natsUrl,
          region: "eu",
          masterSecret,
          logLevel: "warn",
        }),
        ...(service.name === "bridge" ? options.bridgeEnv : {}),
      };
      const output: string[] = [];
      pids[service.name] = startProcess(
        service.name,
        process.execPath,
        [join(service.dir, "src/main.node.ts")],
        {
          env,
          cwd: service.dir,
          onOutput: (line) => {
            output.push(line);
            if (output.length > 50) output.shift();
          },
        },
      ).child.pid;
      const url = `http://127.0.0.1:${service.port}`;
      await waitFor(service.name, async () => (await fetch(`${url}/healthz/ready`)).ok, {
        timeoutMs: 60_000,
      });
      urls[service.name] = url;
      options.say(`${service.name} ready on ${url}`);
    }
    const bridgeUrl = urls.bridge as string;
    const ledgerUrl = urls.ledger as string;
    const playerApi = deriveSecret(masterSecret, "service-token:player-api");
    const cashier = deriveSecret(masterSecret, "service-token:cashier");
    const toLedgerAsPlayer = serviceTokenMinter({
      caller: "player-api",
      audience: "ledger",
      secret: playerApi,
    });
    const toLedgerAsCashier = serviceTokenMinter({ caller: "cashier", audience: "ledger", secret: cashier });
    const toBridge = serviceTokenMinter({ caller: "player-api", audience: "bridge", secret: playerApi });
    const post = async (url: string, token: string, body: unknown, key?: string, method = "POST") => {
      const response = await fetch(url, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          "content-type": "application/json",
          ...(key ? { "idempotency-key": key } : {}),
        },
        body: JSON.stringify(body),
      });
      const text = await response.text();
      if (response.status >= 300) throw new Error(`${url} → ${response.status} ${text.slice(0, 200)}`);
      return JSON.parse(text) as Record<string, unknown>;
    };

    async function createPlayers(count: number, balance: bigint): Promise<BenchPlayer[]> {
      const players: BenchPlayer[] = [];
      for (let i = 0; i < count; i += 20) {
        const batch = await Promise.all(
          Array.from({ length: Math.min(20, count - i) }, async () => {
            const playerId = `ply_${randomBytes(16).toString("hex")}`;
            await post(`${ledgerUrl}/v1/players/${playerId}/accounts`, await toLedgerAsPlayer(), {
              currency: "EUR",
              jurisdiction: "eu",
            });
            const depositId = `dep_${randomBytes(12).toString("hex")}`;
            await post(
              `${ledgerUrl}/v1/deposits`,
              await toLedgerAsCashier(),
              {
                playerId,
                currency: "EUR",
                amount: balance.toString(),
                depositId,
                psp: "bench",
                pspReference: depositId,
              },
              depositId,
            );
            const launch = await post(`${bridgeUrl}/v1/launch`, await toBridge(), {
              playerId,
              currency: "EUR",
              gameId: `${PROVIDER_ID}:${GAME_CODE}`,
              jurisdiction: "eu",
              sessionId: `ses_${randomBytes(8).toString("hex")}`,
            });
            return { playerId, token: launch.token as string };
          }),
        );
        players.push(...batch);
      }
      return players;
    }

    // Transactions are counted in the ledger's own table: its history API lists entries, and a
    // transaction that moves nothing (a zero win closing a lost round) has none.
    const ledgerDb = createDatabase({ url: plane.databaseUrlFor("croupier_ledger"), maxConnections: 1 });
    closeLedgerDb = () => ledgerDb.close();
    async function ledgerView(playerId: string) {
      const token = await toLedgerAsPlayer();
      const balances = (await (
        await fetch(`${ledgerUrl}/v1/players/${playerId}/balances`, {
          headers: { authorization: `Bearer ${token}` },
        })
      ).json()) as { balances: { currency: string; total: string }[] };
      const rows = await ledgerDb.sql`
        select t.kind, count(*)::int as n from transactions t join accounts a on a.id = t.account_id
        where a.player_id = ${playerId} and a.currency = 'EUR' group by t.kind`;
      const kinds: Record<string, number> = Object.fromEntries(
        rows.map((r) => [String(r.kind), r.n as number]),
      );
      return { total: BigInt(balances.balances.find((b) => b.currency === "EUR")?.total ?? "0"), kinds };
    }

    return {
      bridgeUrl,
      ledgerUrl,
      /** Transactions (each autocommit statement is one) PostgreSQL has counted per database so far. */
      async databaseStatements(): Promise<Record<string, number>> {
        // Backends report their counters at most once a second.
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        const stats = createDatabase({ url: plane.databaseUrlFor("croupier_bridge"), maxConnections: 1 });
        try {
          const rows = await stats.sql`
            select datname, (xact_commit + xact_rollback)::int as n from pg_stat_database
            where datname in ('croupier_bridge', 'croupier_ledger')`;
          return Object.fromEntries(
            rows.map((r) => [String(r.datname).replace("croupier_", ""), r.n as number]),
          );
        } finally {
          await stats.close();
        }
      },
      /** CPU seconds used so far by the bridge, the ledger, PostgreSQL and nats-server. */
      cpuSeconds: processCpu({
        bridge: pids.bridge,
        ledger: pids.ledger,
        postgres: postmasterPid(join(dataDir, "postgres")),
        nats: pidByCommandLine(join(dataDir, "jetstream")),
      }),
      /** Process ids of the bridge and the ledger (the soak pauses the ledger to inject stalls). */
      pids,
      walletUrl: `${bridgeUrl}/providers/hub88/${PROVIDER_ID}`,
      privateKey: createPrivateKey(privateKey.export({ type: "pkcs8", format: "pem" })) as KeyObject,
      signBody: (body: string) => sign("sha256", Buffer.from(body), privateKey).toString("base64"),
      createPlayers,
      ledgerView,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Sends pre-built requests with a fixed number in flight; returns per-request latency. */
export async function drive<T>(
  items: T[],
  concurrency: number,
  send: (item: T) => Promise<void>,
): Promise<{ latenciesMs: Float64Array; seconds: number }> {
  const latencies = new Float64Array(items.length);
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const index = next++;
        const t0 = performance.now();
        await send(items[index] as T);
        latencies[index] = performance.now() - t0;
      }
    }),
  );
  return { latenciesMs: latencies, seconds: (performance.now() - started) / 1000 };
}

export function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/**
 * Starts item i at i / perSecond seconds, whatever the answers (open loop), so a platform that falls
 * behind shows as latency rather than as a slower client. `send` gets the scheduled start time.
 */
export async function driveAtRate<T>(
  items: T[],
  perSecond: number,
  send: (item: T, scheduledAt: number) => Promise<void>,
): Promise<{ seconds: number }> {
  const started = performance.now();
  const sent: Promise<void>[] = [];
  await new Promise<void>((resolve) => {
    const tick = () => {
      const due = Math.min(items.length, Math.floor(((performance.now() - started) / 1000) * perSecond) + 1);
      while (sent.length < due) {
        const index = sent.length;
        sent.push(send(items[index] as T, started + (index * 1000) / perSecond));
      }
      if (sent.length < items.length) setTimeout(tick, 1);
      else resolve();
    };
    tick();
  });
  await Promise.all(sent);
  return { seconds: (performance.now() - started) / 1000 };
}
