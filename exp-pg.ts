import { ensureDatabase } from "@croupier/devstack/databases";
import { startPostgres } from "@croupier/devstack/postgres";
import { migrate } from "@croupier/db/migrate";
import postgres from "postgres";
import { rmSync } from "node:fs";
rmSync("/tmp/exppg2", { recursive: true, force: true });
const pg = await startPostgres({ dataDir: "/tmp/exppg2/data", port: 55433, settings: { jit: "off", shared_buffers: "1GB" } });
await ensureDatabase(pg.adminUrl, "lb");
const url = pg.urlFor("lb");
await migrate(url, "/work/main/services/ledger/migrations");
const sql = postgres(url, { max: 4, onnotice: () => {} });
const ids = Array.from({ length: 20000 }, (_, i) => `ply_bench_${i}`);
for (let i = 0; i < ids.length; i += 5000) {
  const slice = ids.slice(i, i + 5000);
  await sql`
      select ledger_open_account(p, 'EUR', 'eu'),
             ledger_deposit('seed', 'seed-' || p, 'seed', 'tx_seed_' || md5(p), 'evt_' || md5(p), '{"region":"eu"}', p, 'EUR',
               100000000000, 'seed-' || p, 'seed', 'seed')
      from unnest(${slice}::text[]) as p`;
}
await sql`vacuum analyze accounts, player_controls, transactions, entries, idempotency_keys, house_entries`;
console.log("URL", url);
const q = process.argv[2] ?? "select id, account_id, subject, payload::text as json, event_id, traceparent from outbox_events order by id limit 500";
for (let i = 0; i < 3; i++) {
  const plan = await sql.unsafe(`explain (analyze, buffers off) ${q}`);
  console.log(plan.map((r) => r["QUERY PLAN"]).join("\n"));
}
await sql.end();
await pg.stop();
