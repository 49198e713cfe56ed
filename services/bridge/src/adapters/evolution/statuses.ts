import type { Outcome } from "../../domain/outcomes.ts";

/** Evolution-style One Wallet statuses. */
export const EVOLUTION_STATUS: Record<Outcome["status"], string> = {
  ok: "OK",
  unknown: "TEMPORARY_ERROR",
  invalid_partner: "INVALID_TOKEN_ID",
  invalid_signature: "INVALID_TOKEN_ID",
  wrong_syntax: "INVALID_PARAMETER",
  wrong_types: "INVALID_PARAMETER",
  invalid_token: "INVALID_SID",
  token_expired: "INVALID_SID",
  invalid_game: "INVALID_PARAMETER",
  wrong_currency: "INVALID_PARAMETER",
  insufficient_funds: "INSUFFICIENT_FUNDS",
  user_disabled: "ACCOUNT_LOCKED",
  limit_reached: "FINAL_ERROR_ACTION_FAILED",
  // The protocol's status for a stake over a single-bet limit (ADR 0505).
  bet_limit_exceeded: "CASINO_LIMIT_EXCEEDED_STAKE",
  duplicate_transaction: "BET_ALREADY_EXIST",
  transaction_not_found: "BET_DOES_NOT_EXIST",
  transaction_rolled_back: "BET_ALREADY_SETTLED",
  already_settled: "BET_ALREADY_SETTLED",
};
