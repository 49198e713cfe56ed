// The ledger's refusals: stable codes (part of the API contract) with their HTTP status and title.
import { AppError } from "@croupier/core/problem";
import type { ContentfulStatusCode } from "hono/utils/http-status";

export const ledgerErrors = {
  insufficient_funds: [422, "Insufficient funds"],
  limit_exceeded: [422, "A responsible-gaming limit would be exceeded"],
  currency_mismatch: [422, "Currency mismatch"],
  amount_out_of_range: [422, "Amount out of range"],
  self_excluded: [403, "The player is excluded from gambling"],
  account_blocked: [403, "The account is blocked"],
  forbidden_operation: [403, "This caller may not use this operation"],
  unknown_account: [404, "Unknown account"],
  unknown_reference: [404, "Unknown reference"],
  idempotency_conflict: [409, "Idempotency key reused with a different request"],
  duplicate_bet: [409, "Bet id reused with a different request"],
  bet_rolled_back: [409, "The bet was rolled back"],
  already_rolled_back: [409, "The bet was already rolled back"],
  already_settled: [409, "The bet was already settled"],
  hold_not_pending: [409, "The withdrawal is no longer pending"],
  hold_expired: [409, "The withdrawal hold expired"],
  bonus_not_active: [409, "The bonus is no longer active"],
  jurisdiction_mismatch: [409, "Jurisdiction mismatch"],
  bad_cursor: [400, "The cursor is not valid"],
} as const satisfies Record<string, readonly [ContentfulStatusCode, string]>;

export type LedgerErrorCode = keyof typeof ledgerErrors;

export function ledgerError(
  code: string,
  detail: string,
  extensions: Record<string, unknown> = {},
): AppError {
  const known = ledgerErrors[code as LedgerErrorCode];
  if (!known) return new AppError("internal_error", 500, "Internal error", `unmapped ledger refusal ${code}`);
  return new AppError(code, known[0], known[1], detail, { extensions });
}
