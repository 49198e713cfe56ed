// `npm run bench:ledger [-- --duration=600 --rate=5000 --rates=3000,5000 --players=100000 --mode=mixed|one-player
//   --house-accounts=1 --pool=64 --batch-ms=2 --batch-concurrency=4 --warmup=10 --max-in-flight=4000 --pg-setting=name=value
//   --runtime=node|deno --relay-process]`
//
// Open-loop HTTP load on a real ledger process: bet/win/rollback 70/25/5 over many players, with
// its own PostgreSQL (synchronous_commit on) and nats-server on free ports in a temp dir. Requests
// are sent on schedule whatever the answers; latency runs from the scheduled send time, so a
// stall shows up as latency instead of as a lower request rate (no coordinated omission).
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { serviceTokenMinter } from "@croupier/core/service-auth";
import { migrate } from "@croupier/db/migrate";
import { ensureDatabase } from "@croupier/devstack/databases";
import { startNats } from "@croupier/devstack/nats";
import { freePort, waitFor } from "@croupier/devstack/ports";
import { startPostgres } from "@croupier/devstack/postgres";
import { startProcess } from "@croupier/devstack/processes";
import postgres from "postgres";
import { Pool } from "undici";
import { cpuBetween, processTree, sampleCpu } from "./cpu.ts";
import { measureFsync } from "./fsync-latency.ts";
import { LatencyHistogram } from "./latency-histogram.ts";
import { dueAtMs, operationsDue } from "./open-loop.ts";
import { type BenchPlayer, HOUSE_PAIRS, seedPlayers } from "./seed-players.ts";

const { values: args } = parseArgs({
  options: {
    duration: { type: "string", default: "600" },
    rate: { type: "string", default: "5000" },
    rates: { type: "string" },
    players: { type: "string", default: "100000" },
    mode: { type: "string", default: "mixed" },
    // How many house accounts the bets land on: players are dealt over that many (jurisdiction,
    // currency) pairs (1 to 24; the default 1 is the issue's one house account per currency).
    "house-accounts": { type: "string", default: "1" },
    pool: { type: "string", default: "64" },
    "max-in-flight": { type: "string", default: "4000" },
    "batch-ms": { type: "string", default: "2" },
    "batch-concurrency": { type: "string" },
    warmup: { type: "string", default: "10" },
    "keep-data": { type: "boolean", default: false },
    // Where PostgreSQL spends its time: pg_stat_statements over nested statements, printed at the end.
    "pg-profile": { type: "boolean", default: false },
    // Writes a V8 CPU profile of the ledger process into this directory when it stops.
    "cpu-prof": { type: "string" },
    // Extra PostgreSQL settings for this run, e.g. --pg-setting=wal_init_zero=on (repeatable).
    "pg-setting": { type: "string", multiple: true },
    // Runs the outbox relay and the background jobs in a second ledger process that takes no requests.
    "relay-process": { type: "boolean", default: false },
    // The ledger's runtime: node, or deno (the same app through main.deno.ts, ADR 0001).
    runtime: { type: "string", default: "node" },
  },
});
const durationS = Number(args.duration);
const rates = (args.rates ?? args.rate ?? "5000").split(",").map(Number);
const playerCount = Number(args.players);
if (args.mode !== "mixed" && args.mode !== "one-player") {
  console.error(`--mode must be mixed or one-player, not ${args.mode}`);
  process.exit(2);
}
const houseAccounts = Number(args["house-accounts"]);
if (
  !Number.isInteger(houseAccounts) ||
  houseAccounts < 1 ||
  houseAccounts > Math.min(HOUSE_PAIRS.length, playerCount) ||
  (args.mode === "one-player" && houseAccounts !== 1)
) {
  console.error(
    `--house-accounts must be a whole number from 1 to ${Math.min(HOUSE_PAIRS.length, playerCount)} (one per jurisdiction and currency, at most one per player; --mode=one-player uses 1)`,
  );
  process.exit(2);
}
const say = (line: string) => console.log(`[bench] ${line}`);
if (args.runtime !== "node" && args.runtime !== "deno") {
  console.error(`--runtime must be node or deno, not ${args.runtime}`);
  process.exit(2);
}

/** The command that starts a ledger process on the chosen runtime (Node flags apply to Node only). */
function ledgerCommand(nodeFlags: string[]): [string, string[]] {
  if (args.runtime === "deno") {
    const deno = new URL("../../../node_modules/.bin/deno", import.meta.url).pathname;
    return [
      deno,
      ["run", "--allow-all", "--no-check", new URL("../src/main.deno.ts", import.meta.url).pathname],
    ];
  }
  return [process.execPath, [...nodeFlags, new URL("../src/main.node.ts", import.meta.url).pathname]];
}

const work = mkdtempSync(join(tmpdir(), "ledger-bench-"));
const stops: (() => Promise<void>)[] = [];
async function cleanup() {
  for (const stop of stops.reverse()) await stop().catch(() => undefined);
  if (!args["keep-data"]) rmSync(work, { recursive: true, force: true });
}
process.on("SIGINT", () => void cleanup().then(() => process.exit(130)));

try {
  say(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB; node ${process.version}`,
  );
  const fsync = measureFsync(work);
  say(
    `disk: 8 KiB write + fdatasync (what each durable commit waits for) mean ${fsync.mean.toFixed(2)} ms, ` +
      `p50 ${fsync.p50.toFixed(2)} ms, p99 ${fsync.p99.toFixed(2)} ms; load average ${loadavg()[0]?.toFixed(1)}`,
  );
  const pgPort = await freePort();
  const pgData = join(work, "postgres");
  const pg = await startPostgres({
    dataDir: pgData,
    port: pgPort,
    settings: {
      synchronous_commit: "on",
      max_wal_size: "4GB",
      // A quarter of this machine's memory would be 6 GB; 2 GB holds everything a 10-minute run
      // writes, as an operator would size it, instead of PostgreSQL's 128 MB development default.
      shared_buffers: "2GB",
      checkpoint_timeout: "15min",
      wal_buffers: "16MB",
      jit: "off",
      // A fresh cluster has no recycled WAL segments, so every 16 MB of WAL would be zero-filled and
      // fsynced on the commit path, stalling every commit for tens of ms each time (ADR 0412). A
      // long-running server reuses the segments its checkpoints retire; this is the closest a fresh
      // one gets to that. Durability is unchanged: WAL writes are still flushed before each answer.
      wal_init_zero: "off",
      ...(args["pg-profile"]
        ? { shared_preload_libraries: "pg_stat_statements", "pg_stat_statements.track": "all" }
        : {}),
      ...Object.fromEntries((args["pg-setting"] ?? []).map((setting) => setting.split(/=(.*)/s).slice(0, 2))),
    },
  });
  stops.push(pg.stop);
  const postmasterPid = Number(readFileSync(join(pgData, "postmaster.pid"), "utf8").split("\n")[0]);
  const nats = await startNats({
    port: await freePort(),
    storeDir: join(work, "nats"),
    serverName: "ledger-bench",
  });
  stops.push(nats.stop);
  await ensureDatabase(pg.adminUrl, "ledger_bench");
  const databaseUrl = pg.urlFor("ledger_bench");
  await migrate(databaseUrl, new URL("../migrations", import.meta.url).pathname);
  say(
    `PostgreSQL 127.0.0.1:${pgPort} (synchronous_commit=on, fsync on, wal_init_zero=off), nats-server ${nats.url}`,
  );

  const seeded = await seedPlayers(databaseUrl, playerCount, { houseAccounts });
  // One-player mode still seeds the whole population, so that PostgreSQL plans every statement
  // for a database of realistic size (a one-row database gets sequential-scan plans), and then
  // sends every operation to the first player.
  const players = args.mode === "one-player" ? seeded.slice(0, 1) : seeded;
  if (args["pg-profile"])
    await withSql(databaseUrl, (sql) =>
      sql`create extension if not exists pg_stat_statements`.then(
        () => sql`select pg_stat_statements_reset()`,
      ),
    );
  const secret = randomBytes(32).toString("base64url");
  const port = await freePort();
  const ledgerEnv = {
    ...process.env,
    REGION: "eu",
    LOG_LEVEL: "warn",
    DATABASE_URL: databaseUrl,
    NATS_URL: nats.url,
    DATABASE_POOL_SIZE: args.pool,
    SERVICE_CALLERS: `bench:gaming:${secret}`,
    OPERATION_BATCH_WINDOW_MS: args["batch-ms"],
    ...(args["batch-concurrency"] ? { OPERATION_BATCH_CONCURRENCY: args["batch-concurrency"] } : {}),
  };
  const ledger = startProcess(
    "ledger",
    ...ledgerCommand(args["cpu-prof"] ? ["--cpu-prof", `--cpu-prof-dir=${args["cpu-prof"]}`] : []),
    {
      env: {
        ...ledgerEnv,
        PORT: String(port),
        ...(args["relay-process"] ? { OUTBOX_RELAY: "false", BACKGROUND_JOBS: "false" } : {}),
      },
      onOutput: (line) => console.log(`[ledger] ${line}`),
    },
  );
  stops.push(() => ledger.stop(10_000));
  const worker = args["relay-process"]
    ? startProcess("ledger-relay", ...ledgerCommand([]), {
        env: { ...ledgerEnv, PORT: String(await freePort()), DATABASE_POOL_SIZE: "4" },
        onOutput: (line) => console.log(`[ledger-relay] ${line}`),
      })
    : undefined;
  if (worker) stops.push(() => worker.stop(10_000));
  const base = `http://127.0.0.1:${port}`;
  await waitFor("ledger", async () => (await fetch(`${base}/healthz/ready`)).ok, { timeoutMs: 30_000 });
  say(
    `ledger ready on ${base} (pool ${args.pool}); ${seeded.length.toLocaleString()} players seeded, ${players.length.toLocaleString()} playing; mode ${args.mode}`,
  );

  const mint = serviceTokenMinter({ caller: "bench", audience: "ledger", secret });
  const load = createLoad(port, players, mint);
  const cpuGroups = {
    ledger: () => [ledger.child.pid, worker?.child.pid].filter((pid): pid is number => pid !== undefined),
    postgres: () => processTree(postmasterPid),
    bench: () => [process.pid],
  };
  if (Number(args.warmup) > 0) {
    say(`warm-up ${args.warmup} s at ${Math.min(rates[0] ?? 1000, 2000)} ops/s`);
    await load.run(Math.min(rates[0] ?? 1000, 2000), Number(args.warmup), cpuGroups, false);
  }
  const results = [];
  for (const rate of rates) {
    say(`step: ${rate} ops/s for ${durationS} s`);
    const before = await ledgerMetrics(base);
    const step = await load.run(rate, durationS, cpuGroups, true);
    const after = await ledgerMetrics(base);
    const batches = after.count - before.count;
    results.push({
      ...step,
      opsPerBatch: batches > 0 ? (after.operations - before.operations) / batches : 0,
    });
  }
  const [outbox] = await (async () => {
    const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    try {
      return await sql<{ pending: number; txs: number }[]>`
        select (select count(*)::int from outbox) as pending, (select count(*)::int from transactions) as txs`;
    } finally {
      await sql.end();
    }
  })();
  if (args["pg-profile"]) await printPgProfile(databaseUrl);
  console.log("\n=== ledger benchmark summary ===");
  console.log(
    `mode ${args.mode}, ${seeded.length.toLocaleString()} players seeded, ${players.length.toLocaleString()} playing, ${houseAccounts === 1 ? "one house account (house:eu:EUR)" : `${houseAccounts} house accounts`}, pool ${args.pool}`,
  );
  console.log(
    "target/s  achieved/s  ok        errors  p50 ms  p90 ms  p99 ms  max ms  ops/batch  cpu: machine ledger postgres bench (% of one core; machine % of all)",
  );
  for (const r of results) {
    console.log(
      `${String(r.rate).padStart(8)}  ${r.achieved.toFixed(0).padStart(10)}  ${String(r.ok).padStart(8)}  ${String(r.errors).padStart(6)}  ${r.p50.toFixed(2).padStart(6)}  ${r.p90.toFixed(2).padStart(6)}  ${r.p99.toFixed(2).padStart(6)}  ${r.max.toFixed(0).padStart(6)}  ${r.opsPerBatch.toFixed(1).padStart(9)}  ${r.cpu.machine}% ${r.cpu.groups.ledger}% ${r.cpu.groups.postgres}% ${r.cpu.groups.bench}%`,
    );
  }
  console.log(
    `load average at the end (1/5/15 min): ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" / ")}`,
  );
  console.log(
    `transactions committed: ${outbox?.txs}; outbox rows not yet relayed at the end: ${outbox?.pending}`,
  );
  const passing = results.filter((r) => r.p99 <= 25 && r.errors === 0);
  console.log(
    `highest step with p99 ≤ 25 ms and no errors: ${passing.length ? Math.max(...passing.map((r) => r.rate)) : "none"} ops/s`,
  );
} finally {
  await cleanup();
}

/**
 * From the ledger's /metrics: operations and batches its micro-batcher has sent so far
 * (wallet_batch_operations), and the longest event-loop delay since the previous scrape.
 */
async function ledgerMetrics(
  base: string,
): Promise<{ operations: number; count: number; loopDelayMaxMs: number }> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const value = (name: string) =>
    Number(text.match(new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.e+-]+)$`, "m"))?.[1] ?? 0);
  return {
    operations: value("wallet_batch_operations_sum"),
    count: value("wallet_batch_operations_count"),
    loopDelayMaxMs: value("nodejs_eventloop_lag_max_seconds") * 1000,
  };
}

async function withSql<T>(url: string, use: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return await use(sql);
  } finally {
    await sql.end();
  }
}

async function printPgProfile(url: string) {
  const rows = await withSql(
    url,
    (sql) => sql<{ calls: string; total_ms: number; mean_us: number; query: string }[]>`
      select calls::text, round(total_exec_time)::float8 as total_ms,
             round((total_exec_time / greatest(calls, 1) * 1000)::numeric, 1)::float8 as mean_us,
             left(regexp_replace(query, '\\s+', ' ', 'g'), 110) as query
      from pg_stat_statements order by total_exec_time desc limit 25`,
  );
  // pg_stat_statements times the executor run only: start-up, shut-down and plan-cache work of each
  // statement (about 10 µs apiece for the small statements of a bet, ADR 0409) are not in these figures.
  console.log(
    "\n=== PostgreSQL statements by total time (nested statements included; executor start-up not counted) ===",
  );
  for (const r of rows)
    console.log(
      `${String(r.total_ms).padStart(8)} ms ${r.calls.padStart(9)} calls ${String(r.mean_us).padStart(8)} µs  ${r.query}`,
    );
}

/** A placed bet the load generator may settle later with a win or a rollback. */
interface OpenBet {
  playerId: string;
  currency: string;
  betId: string;
  roundId: string;
}

function createLoad(port: number, players: BenchPlayer[], mint: () => Promise<string>) {
  const ownLoopDelay = monitorEventLoopDelay({ resolution: 5 });
  ownLoopDelay.enable();
  const maxInFlight = Number(args["max-in-flight"]);
  const open: OpenBet[] = [];
  // Bets outnumber wins and rollbacks (70 against 30), so unsettled bets pile up: 360,000 after ten
  // minutes at 1,500 ops/s. Kept without bound, they made the generator's own major collections
  // long enough to show up as latency; past the bound a new bet takes a random old one's place,
  // and that one simply stays unsettled, like an abandoned round.
  const maxOpenBets = 20_000;
  const keepOpen = (bet: OpenBet) => {
    if (open.length < maxOpenBets) open.push(bet);
    else open[Math.floor(Math.random() * open.length)] = bet;
  };
  let counter = 0;
  const nextId = () => `${(counter++).toString(36)}-${process.pid}`;
  let token = "";
  const refresh = async () => {
    token = await mint();
  };

  // undici's pool over keep-alive connections: far less client CPU per request than node:http,
  // which matters because the load generator shares the two cores with what it measures.
  const pool = new Pool(`http://127.0.0.1:${port}`, { connections: 256, pipelining: 1 });
  // `dispatch` with a handler instead of `request`: no response stream per request, and only a bet's
  // answer (whose id the win or rollback that follows needs) is read at all.
  function post(path: string, body: unknown, key: string): Promise<number> {
    return new Promise((resolve) => {
      let status = 0;
      const chunks: Buffer[] = [];
      const send = () =>
        pool.dispatch(
          {
            path,
            method: "POST",
            headers: {
              authorization: `Bearer ${token}`,
              "content-type": "application/json",
              "idempotency-key": key,
            },
            body: JSON.stringify(body),
          },
          {
            // Present, even empty, so undici treats this as a handler of its current API.
            onRequestStart() {},
            onResponseStart(_controller, statusCode) {
              status = statusCode;
            },
            onResponseData(_controller, chunk) {
              if (status === 201 && path === "/v1/bets") chunks.push(chunk);
            },
            onResponseEnd() {
              if (chunks.length > 0) {
                const bet = JSON.parse(Buffer.concat(chunks).toString()) as { betId: string };
                const placed = pendingBets.get(bet.betId);
                if (placed) {
                  keepOpen(placed);
                  pendingBets.delete(bet.betId);
                }
              }
              resolve(status);
            },
            onResponseError() {
              resolve(0);
            },
          },
        );
      // A request that cannot even be dispatched counts as an error (status 0), like a failed one.
      try {
        send();
      } catch {
        resolve(0);
      }
    });
  }
  const pendingBets = new Map<string, OpenBet>();

  function oneOperation(): Promise<number> {
    const roll = Math.random();
    if (roll >= 0.7 && open.length > 0) {
      const pick = Math.floor(Math.random() * open.length);
      const bet = open[pick] as OpenBet;
      open[pick] = open[open.length - 1] as typeof bet;
      open.pop();
      if (roll < 0.95) {
        const winId = `w-${nextId()}`;
        return post(
          "/v1/wins",
          {
            playerId: bet.playerId,
            currency: bet.currency,
            amount: "150",
            winId,
            betId: bet.betId,
            roundId: bet.roundId,
            gameId: "bench",
            providerId: "bench",
          },
          winId,
        );
      }
      const rollbackId = `rb-${nextId()}`;
      return post(
        "/v1/rollbacks",
        { playerId: bet.playerId, currency: bet.currency, rollbackId, betId: bet.betId, providerId: "bench" },
        rollbackId,
      );
    }
    const { id: playerId, currency } = players[Math.floor(Math.random() * players.length)] as BenchPlayer;
    const betId = `b-${nextId()}`;
    const roundId = `r-${betId}`;
    pendingBets.set(betId, { playerId, currency, betId, roundId });
    return post(
      "/v1/bets",
      { playerId, currency, amount: "100", betId, roundId, gameId: "bench", providerId: "bench" },
      betId,
    );
  }

  return {
    async run(rate: number, seconds: number, cpuGroups: Record<string, () => number[]>, report: boolean) {
      await refresh();
      const tokenTimer = setInterval(() => void refresh(), 20_000);
      const total = new LatencyHistogram();
      const window = new LatencyHistogram();
      let sent = 0;
      let ok = 0;
      let errors = 0;
      let inFlight = 0;
      const statusCounts = new Map<number, number>();
      const started = performance.now();
      const end = started + seconds * 1000;
      const cpuStart = sampleCpu(cpuGroups);
      let cpuWindow = cpuStart;
      let windowStart = started;
      let windowOk = 0;
      const progress = setInterval(async () => {
        if (!report) return;
        // Where a slow window's time went: the ledger's event loop or the load generator's own.
        const ledgerLoop = await ledgerMetrics(`http://127.0.0.1:${port}`).then(
          (metrics) => metrics.loopDelayMaxMs.toFixed(0),
          () => "?",
        );
        const benchLoop = (ownLoopDelay.max / 1e6).toFixed(0);
        ownLoopDelay.reset();
        const now = sampleCpu(cpuGroups);
        const cpu = cpuBetween(cpuWindow, now);
        cpuWindow = now;
        const elapsed = (performance.now() - started) / 1000;
        const windowSeconds = (performance.now() - windowStart) / 1000;
        say(
          `${elapsed.toFixed(0).padStart(4)} s  ${(windowOk / windowSeconds).toFixed(0).padStart(6)} ok/s  ` +
            `p50 ${window.quantile(0.5).toFixed(2)} ms  p99 ${window.quantile(0.99).toFixed(2)} ms  max ${window.maxMs.toFixed(0)} ms  in flight ${inFlight}  ` +
            `errors ${errors}  load ${loadavg()[0]?.toFixed(1)}  cpu machine ${cpu.machine}% ledger ${cpu.groups.ledger}% pg ${cpu.groups.postgres}% bench ${cpu.groups.bench}%  ` +
            `loop delay max ledger ${ledgerLoop} ms bench ${benchLoop} ms`,
        );
        window.reset();
        windowOk = 0;
        windowStart = performance.now();
      }, 5_000);
      await new Promise<void>((resolve) => {
        const tick = () => {
          const now = performance.now();
          const due = operationsDue(Math.min(now, end) - started, rate, Math.floor(seconds * rate));
          while (sent < due) {
            const scheduled = started + dueAtMs(sent, rate);
            sent += 1;
            if (inFlight >= maxInFlight) {
              // shed instead of queueing without bound: counted as an error at its scheduled time
              errors += 1;
              statusCounts.set(-1, (statusCounts.get(-1) ?? 0) + 1);
              continue;
            }
            inFlight += 1;
            void oneOperation().then((status) => {
              inFlight -= 1;
              const ms = performance.now() - scheduled;
              total.record(ms);
              window.record(ms);
              statusCounts.set(status, (statusCounts.get(status) ?? 0) + 1);
              if (status === 201) {
                ok += 1;
                windowOk += 1;
              } else errors += 1;
            });
          }
          if (now >= end) {
            const wait = () => (inFlight === 0 ? resolve() : setTimeout(wait, 10));
            wait();
          } else setTimeout(tick, 1);
        };
        tick();
      });
      clearInterval(progress);
      clearInterval(tokenTimer);
      const cpu = cpuBetween(cpuStart, sampleCpu(cpuGroups));
      const elapsed = (performance.now() - started) / 1000;
      if (errors > 0)
        say(
          `statuses (-1 = shed above ${maxInFlight} in flight, 0 = connection error): ${JSON.stringify(Object.fromEntries(statusCounts))}`,
        );
      return {
        rate,
        achieved: ok / elapsed,
        ok,
        errors,
        p50: total.quantile(0.5),
        p90: total.quantile(0.9),
        p99: total.quantile(0.99),
        max: total.maxMs,
        cpu,
      };
    },
  };
}
