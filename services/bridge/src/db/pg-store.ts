// The bridge's own tables behind the BridgeStore port. The hot path (hot-path.ts) is two batched
// statements: one look-up of prior answers, one that stores answers, transactions and rounds.
import type { Sql } from "postgres";
import type {
  BridgeStore,
  GameRecord,
  ProviderRecord,
  SessionRecord,
  StakeLimits,
  StoredTransaction,
} from "../domain/store-port.ts";
import { createHotPath } from "./hot-path.ts";
import { ttlCache } from "./ttl-cache.ts";

interface ProviderRow {
  id: string;
  adapter: string;
  name: string;
  public_key_pem: string;
  launch_url: string | null;
  reports_url: string | null;
  currencies: string[];
  enabled: boolean;
  is_default: boolean;
  timeout_ms: number;
  stake_limits: StakeLimitRow[] | null;
}

interface StakeLimitRow {
  currency: string;
  min: string | null;
  max: string | null;
}

/** Stake limits arrive as a JSON array (bigints as text) aggregated beside their provider or game. */
function toStakeLimits(rows: StakeLimitRow[] | null | undefined): StakeLimits {
  const limits: StakeLimits = {};
  for (const row of rows ?? []) {
    limits[row.currency] = {
      minBet: row.min === null ? null : BigInt(row.min),
      maxBet: row.max === null ? null : BigInt(row.max),
    };
  }
  return limits;
}

const limitsOf = (table: string, match: string) =>
  `coalesce((select json_agg(json_build_object('currency', l.currency, 'min', l.min_bet::text,
     'max', l.max_bet::text)) from ${table} l where ${match}), '[]') as stake_limits`;

const toProvider = (row: ProviderRow): ProviderRecord => ({
  id: row.id,
  adapter: row.adapter,
  name: row.name,
  publicKeyPem: row.public_key_pem,
  launchUrl: row.launch_url,
  reportsUrl: row.reports_url,
  currencies: row.currencies,
  enabled: row.enabled,
  isDefault: row.is_default,
  timeoutMs: row.timeout_ms,
  stakeLimits: toStakeLimits(row.stake_limits),
});

const toGame = (row: Record<string, unknown>): GameRecord => ({
  providerId: row.provider_id as string,
  gameCode: row.game_code as string,
  name: row.name as string,
  category: row.category as string,
  currencies: row.currencies as string[],
  rtp: row.rtp === null ? null : String(row.rtp),
  enabled: row.enabled as boolean,
  stakeLimits: toStakeLimits(row.stake_limits as StakeLimitRow[] | null),
});

const toSession = (row: Record<string, unknown>): SessionRecord => ({
  token: row.token as string,
  providerId: row.provider_id as string,
  playerId: row.player_id as string,
  currency: row.currency as string,
  gameCode: row.game_code as string,
  jurisdiction: row.jurisdiction as string,
  platformSessionId: row.platform_session_id as string,
  expiresAt: new Date(row.expires_at as string | Date),
});

const toTransaction = (row: Record<string, unknown>): StoredTransaction => ({
  providerId: row.provider_id as string,
  transactionUuid: row.transaction_uuid as string,
  kind: row.kind as StoredTransaction["kind"],
  playerId: row.player_id as string,
  currency: row.currency as string,
  amount: row.amount as bigint,
  roundRef: row.round_id as string,
  gameCode: row.game_code as string | null,
  referenceUuid: row.reference_uuid as string | null,
  fingerprint: row.fingerprint as string,
  outcome: row.outcome as string,
  balance: row.balance as bigint | null,
  ledgerTxId: row.ledger_tx_id as string | null,
});

const PROVIDER_LIMITS = limitsOf("provider_stake_limits", "l.provider_id = p.id");
const GAME_LIMITS = limitsOf(
  "game_stake_limits",
  "l.provider_id = g.provider_id and l.game_code = g.game_code",
);

export function createPgStore(
  sql: Sql,
  options: { cacheMs?: number; maxBatchesInFlight?: number } = {},
): BridgeStore {
  const cacheMs = options.cacheMs ?? 5_000;
  const hotPath = createHotPath(sql, toTransaction, { maxInFlight: options.maxBatchesInFlight });
  // The registry changes rarely and sessions never change once issued: short caches keep the
  // hot path at its two batched statements (hot-path.ts).
  const providers = ttlCache<string, ProviderRecord[]>(cacheMs);
  const games = ttlCache<string, GameRecord | null>(cacheMs);
  const catalogue = ttlCache<string, GameRecord[]>(cacheMs);
  const sessions = ttlCache<string, SessionRecord | null>(30_000, 100_000);

  const allProviders = () =>
    providers.get("all", async () =>
      (
        await sql<ProviderRow[]>`
          select p.*, ${sql.unsafe(PROVIDER_LIMITS)} from providers p order by p.id`
      ).map(toProvider),
    );

  return {
    listProviders: allProviders,
    findProvider: async (id) => (await allProviders()).find((p) => p.id === id),
    defaultProvider: async (adapter) =>
      (await allProviders()).find((p) => p.adapter === adapter && p.isDefault),
    findGame: async (providerId, gameCode) =>
      (await games.get(`${providerId}\u0000${gameCode}`, async () => {
        const [row] = await sql`select g.*, ${sql.unsafe(GAME_LIMITS)} from games g
            where g.provider_id = ${providerId} and g.game_code = ${gameCode}`;
        return row ? toGame(row) : null;
      })) ?? undefined,
    listGames: () =>
      catalogue.get("all", async () =>
        (
          await sql`select g.*, ${sql.unsafe(GAME_LIMITS)} from games g
            order by g.provider_id, g.game_code`
        ).map(toGame),
      ),
    findSession: async (token) =>
      (await sessions.get(token, async () => {
        const [row] = await sql`select * from sessions where token = ${token}`;
        return row ? toSession(row) : null;
      })) ?? undefined,
    latestSessionOf: async (playerId) => {
      const [row] =
        await sql`select * from sessions where player_id = ${playerId} order by created_at desc limit 1`;
      return row ? toSession(row) : undefined;
    },
    createSession: async (s) => {
      await sql`
        insert into sessions (token, provider_id, player_id, currency, game_code, jurisdiction, platform_session_id, expires_at)
        values (${s.token}, ${s.providerId}, ${s.playerId}, ${s.currency}, ${s.gameCode}, ${s.jurisdiction},
                ${s.platformSessionId}, ${s.expiresAt.toISOString()})`;
      sessions.delete(s.token);
    },
    prior: hotPath.prior,
    findTransaction: async (providerId, transactionUuid) => {
      const [row] = await sql`
        select * from provider_transactions where provider_id = ${providerId} and transaction_uuid = ${transactionUuid}`;
      return row ? toTransaction(row) : undefined;
    },
    record: hotPath.record,
  };
}
