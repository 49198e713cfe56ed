// `node services/ledger/bench/batch-cost.ts [--sizes=1,2,4,8,32] [--ops=8000] [--players=20000] [--rounds=2]
//   [--pg-setting=name=value …]`
//
// What a micro-batch costs PostgreSQL, apart from the operations in it: bets sent through
// `ledger_batch` on one connection, N per call, with the backend's own CPU time (Linux /proc)
// divided per bet and per batch. One connection and no HTTP, so nothing but the database's work is
// counted; the sizes alternate over the rounds, so a drift of the host shows as a spread.
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { migrate } from "@croupier/db/migrate";
import { ensureDatabase } from "@croupier/devstack/databases";
import { freePort } from "@croupier/devstack/ports";
import { startPostgres } from "@croupier/devstack/postgres";
import postgres from "postgres";
import { seedPlayers } from "./seed-players.ts";

const { values: args } = parseArgs({
  options: {
    sizes: { type: "string", default: "1,2,4,8,32" },
    ops: { type: "string", default: "8000" },
    players: { type: "string", default: "20000" },
    rounds: { type: "string", default: "2" },
    // Extra PostgreSQL settings, e.g. --pg-setting=synchronous_commit=off (repeatable).
    "pg-setting": { type: "string", multiple: true },
  },
});
const sizes = args.sizes.split(",").map(Number);
const opsPerStep = Number(args.ops);
const say = (line: string) => console.log(`[batch-cost] ${line}`);

const work = mkdtempSync(join(tmpdir(), "ledger-batch-cost-"));
const pg = await startPostgres({
  dataDir: join(work, "postgres"),
  port: await freePort(),
  // As in bench:ledger: durable commits, no JIT, WAL segments not zero-filled (ADR 0412).
  settings: {
    synchronous_commit: "on",
    shared_buffers: "1GB",
    max_wal_size: "4GB",
    jit: "off",
    wal_init_zero: "off",
  },
});
try {
  await ensureDatabase(pg.adminUrl, "batch_cost");
  const url = pg.urlFor("batch_cost");
  await migrate(url, new URL("../migrations", import.meta.url).pathname);
  const players = (await seedPlayers(url, Number(args.players))).map((p) => p.id);
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const [backend] = await sql<{ pid: number }[]>`select pg_backend_pid() as pid`;
  const backendMs = () => {
    const stat = readFileSync(`/proc/${backend?.pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, 100 ticks a second
  };
  const bet = (playerId: string) => {
    const id = randomUUID();
    const posting = ["bench", `key-${id}`, "bench-hash", `tx_${id}`, `evt_${id}`, { region: "eu" }];
    return [
      "ledger_bet",
      [...posting, playerId, "EUR", "1000", `bet-${id}`, `round-${id}`, "game", "prov", null],
    ];
  };
  const step = async (size: number, ops: number) => {
    const cpuBefore = backendMs();
    const started = performance.now();
    for (let sent = 0; sent < ops; sent += size) {
      // In account order, as the ledger's batcher sends them.
      const calls = Array.from(
        { length: size },
        () => players[Math.floor(Math.random() * players.length)] as string,
      )
        .sort()
        .map(bet);
      await sql`select ledger_batch(${JSON.stringify(calls)}::text::jsonb) as r`;
    }
    const cpuMs = backendMs() - cpuBefore;
    return { cpuMs, wallMs: performance.now() - started, batches: Math.ceil(ops / size) };
  };

  say("warm-up: 4,000 bets in batches of 8");
  await step(8, 4_000);
  say("size  bets   backend CPU µs/bet  µs/batch  wall µs/bet");
  for (let round = 1; round <= Number(args.rounds); round++) {
    for (const size of sizes) {
      const { cpuMs, wallMs, batches } = await step(size, opsPerStep);
      say(
        `${String(size).padStart(4)}  ${String(opsPerStep).padStart(5)}  ${((cpuMs * 1000) / opsPerStep).toFixed(0).padStart(18)}` +
          `  ${((cpuMs * 1000) / batches).toFixed(0).padStart(8)}  ${((wallMs * 1000) / opsPerStep).toFixed(0).padStart(11)}`,
      );
    }
  }
  await sql.end();
} finally {
  await pg.stop();
  rmSync(work, { recursive: true, force: true });
}
