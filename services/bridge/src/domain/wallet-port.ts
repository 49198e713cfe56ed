// What the bridge needs from the wallet: the ledger behind HTTP in production, an in-memory
// model in unit tests. Amounts are bigint units at the currency's scale.

export interface WalletBalance {
  total: bigint;
}

export type WalletErrorCode =
  | "insufficient_funds"
  | "self_excluded"
  | "account_blocked"
  | "limit_exceeded"
  | "bet_rolled_back"
  | "duplicate_bet"
  | "idempotency_conflict"
  | "currency_mismatch"
  | "unknown_account"
  | "unknown_reference"
  | "already_rolled_back"
  | "already_settled";

export type WalletResult =
  | { ok: true; txId: string | null; balance: WalletBalance; tombstone?: boolean }
  | { ok: false; code: WalletErrorCode; balance?: WalletBalance };

export interface WalletBet {
  playerId: string;
  currency: string;
  amount: bigint;
  betId: string;
  roundId: string;
  gameId: string;
  providerId: string;
}

export interface WalletWin {
  playerId: string;
  currency: string;
  amount: bigint;
  winId: string;
  betId?: string;
  roundId: string;
  gameId: string;
  providerId: string;
  closeRound?: boolean;
}

export interface WalletRollback {
  playerId: string;
  currency: string;
  rollbackId: string;
  betId: string;
  roundId?: string;
  gameId?: string;
  providerId: string;
}

export interface CallContext {
  requestId?: string;
  traceparent?: string;
}

/** Thrown when the wallet could not give an answer (network, timeout, 5xx): the outcome is unknown. */
export class WalletUnavailableError extends Error {
  override name = "WalletUnavailableError";
}

export interface WalletPort {
  /** Balances of every currency the player holds; empty when the player is unknown. */
  balances(playerId: string, context?: CallContext): Promise<Map<string, WalletBalance>>;
  bet(input: WalletBet, idempotencyKey: string, context?: CallContext): Promise<WalletResult>;
  win(input: WalletWin, idempotencyKey: string, context?: CallContext): Promise<WalletResult>;
  rollback(input: WalletRollback, idempotencyKey: string, context?: CallContext): Promise<WalletResult>;
  isHealthy?(): Promise<boolean>;
}
