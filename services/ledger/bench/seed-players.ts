// Funded players for the ledger benchmarks: one EUR account each in jurisdiction `eu` (so every bet
// lands on one house account), opened and funded through the ledger's own functions.
import postgres from "postgres";

export async function seedPlayers(url: string, count: number, prefix = "ply_bench_"): Promise<string[]> {
  const sql = postgres(url, { max: 4, onnotice: () => {} });
  const ids = Array.from({ length: count }, (_, i) => `${prefix}${i}`);
  const chunk = 5_000;
  const started = performance.now();
  for (let i = 0; i < ids.length; i += chunk) {
    const slice = ids.slice(i, i + chunk);
    await sql`
      select ledger_open_account(p, 'EUR', 'eu'),
             ledger_deposit('seed', 'seed-' || p, 'seed', 'tx_seed_' || md5(p), 'evt_' || md5(p), '{"region":"eu"}', p, 'EUR',
               100000000000, 'seed-' || p, 'seed', 'seed')
      from unnest(${slice}::text[]) as p`;
    process.stdout.write(
      `\r[bench] seeding players: ${Math.min(i + chunk, ids.length).toLocaleString()}/${ids.length.toLocaleString()}`,
    );
  }
  await sql`delete from outbox`;
  // Statistics for what the seed filled. Tables the seed left empty (bets, outbox) keep "never
  // analysed", as on a new deployment: statistics that say "empty" would make PostgreSQL cache
  // sequential-scan plans that stay in every connection while the tables grow.
  await sql`vacuum analyze accounts, player_controls, transactions, entries, idempotency_keys, house_entries`;
  process.stdout.write(
    `\r[bench] seeded ${ids.length.toLocaleString()} funded players in ${((performance.now() - started) / 1000).toFixed(0)} s\n`,
  );
  await sql.end();
  return ids;
}
