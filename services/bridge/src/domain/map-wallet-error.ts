import type { RefusalCode } from "./outcomes.ts";
import type { WalletErrorCode } from "./wallet-port.ts";

/** The ledger's problem codes in the bridge's canonical vocabulary. */
export function refusalForWalletError(code: WalletErrorCode): RefusalCode {
  switch (code) {
    case "insufficient_funds":
      return "insufficient_funds";
    case "self_excluded":
    case "account_blocked":
      return "user_disabled";
    case "limit_exceeded":
      return "limit_reached";
    case "bet_rolled_back":
    case "already_rolled_back":
      return "transaction_rolled_back";
    case "duplicate_bet":
    case "idempotency_conflict":
      return "duplicate_transaction";
    case "currency_mismatch":
    case "unknown_account":
      return "wrong_currency";
    case "unknown_reference":
      return "transaction_not_found";
    case "already_settled":
      return "already_settled";
  }
}
