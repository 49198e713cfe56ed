// The canonical vocabulary every wire protocol is translated to and from. Adapters map these
// codes to their own statuses; nothing in the domain knows a protocol's spelling.

export type TransactionKind = "bet" | "win" | "rollback";

/** Why a provider request was refused, independent of the protocol that carried it. */
export type RefusalCode =
  | "invalid_partner"
  | "invalid_signature"
  | "wrong_syntax"
  | "wrong_types"
  | "invalid_token"
  | "token_expired"
  | "invalid_game"
  | "wrong_currency"
  | "insufficient_funds"
  | "user_disabled"
  | "limit_reached"
  | "bet_limit_exceeded"
  | "duplicate_transaction"
  | "transaction_not_found"
  | "transaction_rolled_back"
  | "already_settled"
  /** The outcome is not known (a dependency failed): the provider should retry or roll back. */
  | "unknown";

export interface Outcome {
  status: "ok" | RefusalCode;
  playerId?: string;
  currency?: string;
  /** Total balance in units of the currency's scale, when known. */
  balance?: bigint;
  /** The ledger transaction that applied the money, when one did. */
  ledgerTxId?: string | null;
}

/** Refusals that will never change on a retry, so they are stored as the transaction's answer. */
export function isFinal(status: Outcome["status"]): boolean {
  return status !== "unknown" && status !== "transaction_not_found";
}
