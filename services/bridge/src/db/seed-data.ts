// The provider registry rows the local platform and the tests start from.
import { parseDecimal } from "@croupier/money";
import type { Sql, TransactionSql } from "postgres";

/** Stake bounds by currency as decimals of the currency ("0.10", "100.00"); omitted = no bound. */
export type StakeLimitSeed = Record<string, { min?: string; max?: string }>;

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
  /** The provider's default stake limits for its games. */
  stakeLimits?: StakeLimitSeed;
  games: {
    code: string;
    name: string;
    category?: string;
    rtp?: string;
    currencies?: string[];
    /** Overrides of the provider's stake limits for this game, by currency. */
    stakeLimits?: StakeLimitSeed;
  }[];
}

const units = (value: string | undefined, currency: string) =>
  value === undefined ? null : parseDecimal(value, currency).toString();

function limitRows(limits: StakeLimitSeed | undefined) {
  return Object.entries(limits ?? {}).map(([currency, { min, max }]) => ({
    currency,
    min: units(min, currency),
    max: units(max, currency),
  }));
}

/** Inserts or updates a provider, its games and their stake limits (idempotent; the seed's limits replace stored ones). */
export async function upsertProvider(sql: Sql, seed: ProviderSeed): Promise<void> {
  await sql.begin(async (tx: TransactionSql) => {
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
    await tx`delete from provider_stake_limits where provider_id = ${seed.id}`;
    for (const limit of limitRows(seed.stakeLimits)) {
      await tx`
        insert into provider_stake_limits (provider_id, currency, min_bet, max_bet)
        values (${seed.id}, ${limit.currency}, ${limit.min}, ${limit.max})`;
    }
    for (const game of seed.games) {
      await tx`
        insert into games (provider_id, game_code, name, category, currencies, rtp)
        values (${seed.id}, ${game.code}, ${game.name}, ${game.category ?? "slots"}, ${game.currencies ?? []}, ${game.rtp ?? null})
        on conflict (provider_id, game_code) do update set name = excluded.name, category = excluded.category,
          currencies = excluded.currencies, rtp = excluded.rtp, enabled = true`;
      await tx`delete from game_stake_limits where provider_id = ${seed.id} and game_code = ${game.code}`;
      for (const limit of limitRows(game.stakeLimits)) {
        await tx`
          insert into game_stake_limits (provider_id, game_code, currency, min_bet, max_bet)
          values (${seed.id}, ${game.code}, ${limit.currency}, ${limit.min}, ${limit.max})`;
      }
    }
  });
}

/** Default stakes of the simulator's slots: 0.10 to 100.00 in every currency it plays. */
export const SIMULATOR_STAKE_LIMITS: StakeLimitSeed = {
  EUR: { min: "0.10", max: "100.00" },
  GBP: { min: "0.10", max: "100.00" },
  CAD: { min: "0.10", max: "150.00" },
  USD: { min: "0.10", max: "100.00" },
};

export const SIMULATOR_GAMES = [
  { code: "sim_fruit_blast", name: "Fruit Blast", category: "slots", rtp: "96.00" },
  { code: "sim_lucky_sevens", name: "Lucky Sevens", category: "slots", rtp: "96.00" },
  {
    code: "sim_book_of_gold",
    name: "Book of Gold",
    category: "slots",
    rtp: "96.00",
    // A lower ceiling for one game, e.g. where a regulator caps slot stakes.
    stakeLimits: { GBP: { min: "0.10", max: "5.00" } },
  },
];

/** Table limits of the live-casino simulator. */
export const SIMULATOR_LIVE_STAKE_LIMITS: StakeLimitSeed = {
  EUR: { min: "1.00", max: "5000.00" },
  GBP: { min: "1.00", max: "5000.00" },
  CAD: { min: "1.00", max: "7500.00" },
  USD: { min: "1.00", max: "5000.00" },
};

export const SIMULATOR_LIVE_GAMES = [
  { code: "blackjack", name: "Live Blackjack", category: "live" },
  {
    code: "roulette",
    name: "Live Roulette",
    category: "live",
    stakeLimits: { EUR: { min: "0.20", max: "10000.00" }, GBP: { min: "0.20", max: "10000.00" } },
  },
];
