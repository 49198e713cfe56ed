// The Evolution-style One Wallet protocol as the conformance suite expects it.
import { formatDecimal, parseDecimal } from "@croupier/money";
import type { Player } from "../platform.ts";
import type { CallResult, Driver, Expected, Kind, TxArgs } from "./driver.ts";
import { createSignedHttp } from "./signed-http.ts";

const STATUS: Record<Expected, string> = {
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
  bet_limit_exceeded: "CASINO_LIMIT_EXCEEDED_STAKE",
  duplicate_transaction: "BET_ALREADY_EXIST",
  transaction_not_found: "BET_DOES_NOT_EXIST",
  transaction_rolled_back: "BET_ALREADY_SETTLED",
  already_settled: "BET_ALREADY_SETTLED",
};

const PATH: Record<Kind, string> = {
  balance: "/balance",
  bet: "/debit",
  win: "/credit",
  rollback: "/cancel",
};

export async function evolutionDriver(options: {
  baseUrl: string;
  providerId?: string;
  privateKeyPem: string;
  foreignPrivateKeyPem: string;
  operatorPublicKeyPem?: string;
  gameCode: string;
}): Promise<Driver> {
  const http = await createSignedHttp({ ...options, header: "X-Signature" });
  const root = `${options.baseUrl.replace(/\/$/, "")}/providers/evolution`;
  const uuid = () => crypto.randomUUID();
  let currencyOfLastBody = "EUR";
  return {
    adapter: "evolution",
    balanceOnRefusal: true,
    statusFor: (expected) => STATUS[expected],
    field: (name) =>
      ({
        amount: ["transaction", "amount"],
        tx: ["transaction", "id"],
        user: ["userId"],
        roundClosed: ["roundClosed"],
        round: ["game", "id"],
      })[name],
    body(kind: Kind, player: Player, args: TxArgs = {}) {
      const currency = args.currency ?? player.currency;
      currencyOfLastBody = player.currency;
      const common = {
        sid: args.token ?? player.token,
        userId: args.user ?? player.playerId,
        uuid: args.request ?? uuid(),
        currency,
      };
      if (kind === "balance") return { ...common, game: { id: null, type: args.game ?? options.gameCode } };
      const tx = args.tx ?? uuid();
      return {
        ...common,
        game: { id: args.round ?? uuid(), type: args.game ?? options.gameCode },
        transaction: {
          id: tx,
          refId: kind === "bet" ? tx : (args.ref ?? uuid()),
          amount: Number(
            formatDecimal(args.amount ?? (kind === "rollback" ? 0n : 100_000n), player.currency),
          ),
        },
        ...(args.roundClosed !== undefined ? { roundClosed: args.roundClosed } : {}),
      };
    },
    async send(kind, body, sendOptions = {}): Promise<CallResult> {
      const text = typeof body === "string" ? body : JSON.stringify(body);
      const base = sendOptions.partner
        ? `${root}/${sendOptions.partner}`
        : options.providerId
          ? `${root}/${options.providerId}`
          : root;
      const answer = await http(
        `${base}${PATH[kind]}`,
        text,
        sendOptions.signature,
        sendOptions.contentType,
        sendOptions.signOver,
      );
      const balance =
        typeof answer.body.balance === "number"
          ? parseDecimal(String(answer.body.balance), currencyOfLastBody)
          : undefined;
      return { ...answer, status: String(answer.body.status ?? `HTTP ${answer.http}`), balance };
    },
  };
}
