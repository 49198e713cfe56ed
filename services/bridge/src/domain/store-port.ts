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
  /** The session's jurisdiction, carried to the round's events; null when no session was given. */
  jurisdiction: string | null;
}

export interface PriorQuery {
  providerId: string;
  requestUuid: string;
  transactionUuid?: string;
  /** Also resolve the currency of the transaction this one refers to (for protocols that send none). */
  referenceUuid?: string;
  /** Also resolve the currency of this player's latest session. */
  latestSessionOf?: string;
}

export interface PriorRecords {
  /** The response already given to this request id, verbatim (the exact text). */
  response?: string;
  transaction?: StoredTransaction;
  referencedCurrency?: string;
  latestSessionCurrency?: string;
}

export interface RecordEntry {
  providerId: string;
  requestUuid: string;
  endpoint: string;
  /** The response body exactly as sent. */
  responseText: string;
  transaction?: StoredTransaction;
  round?: RoundChange;
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
  /** One look-up for the request id, the transaction id and what a rollback needs to find its currency. */
  prior(query: PriorQuery): Promise<PriorRecords>;
  findTransaction(providerId: string, transactionUuid: string): Promise<StoredTransaction | undefined>;
  /** Stores the transaction (if given, first write wins), the response and the round change at once. */
  record(entry: RecordEntry): Promise<void>;
}
