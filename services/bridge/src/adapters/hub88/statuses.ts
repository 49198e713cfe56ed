import type { Outcome } from "../../domain/outcomes.ts";

/** Hub88-style wallet statuses, as the protocol spells them. */
export const HUB88_STATUS: Record<Outcome["status"], string> = {
  ok: "RS_OK",
  unknown: "RS_ERROR_UNKNOWN",
  invalid_partner: "RS_ERROR_INVALID_PARTNER",
  invalid_signature: "RS_ERROR_INVALID_SIGNATURE",
  wrong_syntax: "RS_ERROR_WRONG_SYNTAX",
  wrong_types: "RS_ERROR_WRONG_TYPES",
  invalid_token: "RS_ERROR_INVALID_TOKEN",
  token_expired: "RS_ERROR_TOKEN_EXPIRED",
  invalid_game: "RS_ERROR_INVALID_GAME",
  wrong_currency: "RS_ERROR_WRONG_CURRENCY",
  insufficient_funds: "RS_ERROR_NOT_ENOUGH_MONEY",
  user_disabled: "RS_ERROR_USER_DISABLED",
  limit_reached: "RS_ERROR_LIMIT_REACHED",
  bet_limit_exceeded: "RS_ERROR_BET_LIMIT_EXCEEDED",
  duplicate_transaction: "RS_ERROR_DUPLICATE_TRANSACTION",
  transaction_not_found: "RS_ERROR_TRANSACTION_DOES_NOT_EXIST",
  transaction_rolled_back: "RS_ERROR_TRANSACTION_ROLLED_BACK",
  // The protocol has no status for "this bet already has a win": a generic refusal that the
  // provider must not read as success (see ADR 0502).
  already_settled: "RS_ERROR_UNKNOWN",
};
