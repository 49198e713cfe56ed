// How a scenario talks to one wire protocol. Scenarios speak in canonical terms (a bet of N
// units, "insufficient_funds"); a driver turns them into the protocol's bodies and statuses.
import type { Player } from "../platform.ts";

export type Expected =
  | "ok"
  | "unknown"
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
  | "already_settled";

export type Kind = "bet" | "win" | "rollback" | "balance";

export interface TxArgs {
  tx?: string;
  request?: string;
  round?: string;
  /** Units of the player's currency. */
  amount?: bigint;
  ref?: string;
  game?: string;
  currency?: string;
  user?: string;
  token?: string;
  roundClosed?: boolean;
}

export interface CallResult {
  http: number;
  /** The protocol's own status string. */
  status: string;
  /** Balance in units of the currency, when the answer carried one. */
  balance?: bigint;
  /** Whether the answer's signature verified with the operator key (undefined: not checked). */
  signed?: boolean;
  text: string;
  body: Record<string, unknown>;
}

export type SignatureMode = "valid" | "none" | "foreign" | "garbage";

export interface Driver {
  adapter: string;
  /** The protocol status a canonical outcome must be answered with. */
  statusFor(expected: Expected): string;
  /** The wire body of a call, before signing. */
  body(kind: Kind, player: Player, args?: TxArgs): Record<string, unknown>;
  /** Path of a field inside a body, for scenarios that break one field. */
  field(name: "amount" | "tx" | "user" | "roundClosed" | "round"): string[];
  send(
    kind: Kind,
    body: string | Record<string, unknown>,
    options?: { signature?: SignatureMode; partner?: string; contentType?: string; signOver?: string },
  ): Promise<CallResult>;
  /** Whether the protocol reports the balance on refusals such as insufficient funds. */
  balanceOnRefusal: boolean;
}

export function setPath(
  body: Record<string, unknown>,
  path: string[],
  value: unknown,
): Record<string, unknown> {
  const copy = structuredClone(body);
  let cursor: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) cursor = cursor[key] as Record<string, unknown>;
  const last = path.at(-1) as string;
  if (value === undefined) delete cursor[last];
  else cursor[last] = value;
  return copy;
}
