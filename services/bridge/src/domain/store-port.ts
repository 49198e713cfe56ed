// What the domain needs from the bridge's own database. Postgres in production
// (db/pg-store.ts), a Map-backed model in unit tests (domain/memory-store.ts).
import type { TransactionKind } from "./outcomes.ts";

/** Bounds of one stake in units of the currency's scale; null is no bound. */
export interface StakeLimit {
  minBet: bigint | null;
  maxBet: bigint | null;
}

/** Stake limits by currency code. */
export type StakeLimits = Record<string, StakeLimit>;

export interface ProviderRecord {
  id: string;
  adapter: string;
  name: string;
  publicKeyPem: string;
  launchUrl: string | null;
  reportsUrl: string | null;
  currencies: string[];
  enabled: boolean;
  isDefault: boolean;
  timeoutMs: number;
  /** The provider's default stake limits for its games; absent or missing currency = none. */
  stakeLimits?: StakeLimits;
}

export interface GameRecord {
  providerId: string;
  gameCode: string;
  name: string;
  category: string;
  currencies: string[];
  rtp: string | null;
  enabled: boolean;
  /** Per-currency overrides of the provider's stake limits for this game. */
  stakeLimits?: StakeLimits;
}

export interface SessionRecord {
  token: string;
  providerId: string;
  playerId: string;
  currency: string;
  gameCode: string;
  jurisdiction: string;
  platformSessionId: string;
  expiresAt: Date;
}

export interface StoredTransaction {
  providerId: string;
  transactionUuid: string;
  kind: TransactionKind;
  playerId: string;
  currency: string;
  amount: bigint;
  roundRef: string;
  gameCode: string | null;
  referenceUuid: string | null;
  fingerprint: string;
  outcome: string;
  balance: bigint | null;
  ledgerTxId: string | null;
}

export interface RoundChange {
  providerId: string;
  roundRef: string;
  playerId: string;
  currency: string;
  gameCode: string | null;
  kind: TransactionKind;
  amount: bigint;
  close: boolean;
}

export interface PriorRecords {
  /** The response already given to this request id, verbatim. */
  response?: unknown;
  transaction?: StoredTransaction;
}

export interface BridgeStore {
  listProviders(): Promise<ProviderRecord[]>;
  findProvider(id: string): Promise<ProviderRecord | undefined>;
  defaultProvider(adapter: string): Promise<ProviderRecord | undefined>;
  findGame(providerId: string, gameCode: string): Promise<GameRecord | undefined>;
  listGames(): Promise<GameRecord[]>;
  findSession(token: string): Promise<SessionRecord | undefined>;
  latestSessionOf(playerId: string): Promise<SessionRecord | undefined>;
  createSession(session: SessionRecord): Promise<void>;
  /** One look-up for both the request id and the transaction id. */
  prior(providerId: string, requestUuid: string, transactionUuid?: string): Promise<PriorRecords>;
  findTransaction(providerId: string, transactionUuid: string): Promise<StoredTransaction | undefined>;
  /** Stores the transaction (if given, first write wins), the response and the round change at once. */
  record(entry: {
    providerId: string;
    requestUuid: string;
    endpoint: string;
    response: unknown;
    transaction?: StoredTransaction;
    round?: RoundChange;
  }): Promise<void>;
}
