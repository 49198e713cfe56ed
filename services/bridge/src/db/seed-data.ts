// The provider registry rows the local platform and the tests start from.
import type { Sql } from "postgres";

export interface ProviderSeed {
  id: string;
  adapter: string;
  name: string;
  publicKeyPem: string;
  launchUrl?: string | null;
  reportsUrl?: string | null;
  currencies?: string[];
  isDefault?: boolean;
  timeoutMs?: number;
  games: { code: string; name: string; category?: string; rtp?: string; currencies?: string[] }[];
}

/** Inserts or updates a provider and its games (idempotent). */
export async function upsertProvider(sql: Sql, seed: ProviderSeed): Promise<void> {
  await sql.begin(async (tx) => {
    if (seed.isDefault) {
      await tx`update providers set is_default = false where adapter = ${seed.adapter} and id <> ${seed.id}`;
    }
    await tx`
      insert into providers (id, adapter, name, public_key_pem, launch_url, reports_url, currencies, is_default, timeout_ms)
      values (${seed.id}, ${seed.adapter}, ${seed.name}, ${seed.publicKeyPem}, ${seed.launchUrl ?? null},
              ${seed.reportsUrl ?? null}, ${seed.currencies ?? []}, ${seed.isDefault ?? false}, ${seed.timeoutMs ?? 2000})
      on conflict (id) do update set adapter = excluded.adapter, name = excluded.name,
        public_key_pem = excluded.public_key_pem, launch_url = excluded.launch_url, reports_url = excluded.reports_url,
        currencies = excluded.currencies, is_default = excluded.is_default, timeout_ms = excluded.timeout_ms,
        enabled = true`;
    for (const game of seed.games) {
      await tx`
        insert into games (provider_id, game_code, name, category, currencies, rtp)
        values (${seed.id}, ${game.code}, ${game.name}, ${game.category ?? "slots"}, ${game.currencies ?? []}, ${game.rtp ?? null})
        on conflict (provider_id, game_code) do update set name = excluded.name, category = excluded.category,
          currencies = excluded.currencies, rtp = excluded.rtp, enabled = true`;
    }
  });
}

export const SIMULATOR_GAMES = [
  { code: "sim_fruit_blast", name: "Fruit Blast", category: "slots", rtp: "96.00" },
  { code: "sim_lucky_sevens", name: "Lucky Sevens", category: "slots", rtp: "96.00" },
  { code: "sim_book_of_gold", name: "Book of Gold", category: "slots", rtp: "96.00" },
];

export const SIMULATOR_LIVE_GAMES = [
  { code: "blackjack", name: "Live Blackjack", category: "live" },
  { code: "roulette", name: "Live Roulette", category: "live" },
];
