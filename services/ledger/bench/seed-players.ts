// Funded players for the ledger benchmarks, opened and funded through the ledger's own functions.
// By default every player holds EUR in jurisdiction `eu`, so every bet lands on one house account;
// with `houseAccounts` > 1 the players are dealt round-robin over that many (jurisdiction,
// currency) pairs, each with its own house account.
import { currencies } from "@croupier/money";
import postgres from "postgres";

export interface BenchPlayer {
  id: string;
  currency: string;
}

const JURISDICTIONS = ["eu", "uk", "ca"] as const;
const FIAT = Object.values(currencies)
  .filter((c) => c.scale === 5)
  .map((c) => c.code);

/** The (jurisdiction, currency) pairs whose house accounts the benchmarks can spread bets over. */
export const HOUSE_PAIRS = FIAT.flatMap((currency) =>
  JURISDICTIONS.map((jurisdiction) => ({ jurisdiction, currency })),
);

export async function seedPlayers(
  url: string,
  count: number,
  options: { prefix?: string; houseAccounts?: number } = {},
): Promise<BenchPlayer[]> {
  const houseAccounts = options.houseAccounts ?? 1;
  if (!Number.isInteger(houseAccounts) || houseAccounts < 1 || houseAccounts > HOUSE_PAIRS.length) {
    throw new Error(`house accounts must be a whole number from 1 to ${HOUSE_PAIRS.length}`);
  }
  const sql = postgres(url, { max: 4, onnotice: () => {} });
  const prefix = options.prefix ?? "ply_bench_";
  const players = Array.from({ length: count }, (_, i) => {
    const pair = HOUSE_PAIRS[i % houseAccounts] as (typeof HOUSE_PAIRS)[number];
    return { id: `${prefix}${i}`, ...pair };
  });
  const chunk = 5_000;
  const started = performance.now();
  for (let i = 0; i < players.length; i += chunk) {
    const slice = players.slice(i, i + chunk);
    await sql`
      select ledger_open_account(p.id, p.currency, p.jurisdiction),
             ledger_deposit('seed', 'seed-' || p.id, 'seed', 'tx_seed_' || md5(p.id), 'evt_' || md5(p.id),
               '{"region":"eu"}', p.id, p.currency, 100000000000, 'seed-' || p.id, 'seed', 'seed')
      from unnest(${slice.map((p) => p.id)}::text[], ${slice.map((p) => p.currency)}::text[],
                  ${slice.map((p) => p.jurisdiction)}::text[]) as p(id, currency, jurisdiction)`;
    process.stdout.write(
      `\r[bench] seeding players: ${Math.min(i + chunk, players.length).toLocaleString()}/${players.length.toLocaleString()}`,
    );
  }
  await sql`delete from outbox`;
  // Statistics for what the seed filled. Tables the seed left empty (bets, outbox) keep "never
  // analysed", as on a new deployment: statistics that say "empty" would make PostgreSQL cache
  // sequential-scan plans that stay in every connection while the tables grow.
  await sql`vacuum analyze accounts, player_controls, transactions, entries, idempotency_keys, house_entries`;
  process.stdout.write(
    `\r[bench] seeded ${players.length.toLocaleString()} funded players over ${houseAccounts} house account(s) in ${((performance.now() - started) / 1000).toFixed(0)} s\n`,
  );
  await sql.end();
  return players.map(({ id, currency }) => ({ id, currency }));
}
