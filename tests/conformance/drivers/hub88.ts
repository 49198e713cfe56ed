// The Hub88-style operator wallet API as the conformance suite expects it.
import type { Player } from "../platform.ts";
import type { CallResult, Driver, Expected, Kind, TxArgs } from "./driver.ts";
import { createSignedHttp } from "./signed-http.ts";

const STATUS: Record<Expected, string> = {
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
  already_settled: "RS_ERROR_UNKNOWN",
};

const PATH: Record<Kind, string> = {
  balance: "/user/balance",
  bet: "/transaction/bet",
  win: "/transaction/win",
  rollback: "/transaction/rollback",
};

export async function hub88Driver(options: {
  baseUrl: string;
  providerId?: string;
  privateKeyPem: string;
  foreignPrivateKeyPem: string;
  operatorPublicKeyPem?: string;
  gameCode: string;
}): Promise<Driver> {
  const http = await createSignedHttp({ ...options, header: "X-Hub88-Signature" });
  const root = `${options.baseUrl.replace(/\/$/, "")}/providers/hub88`;
  const uuid = () => crypto.randomUUID();
  return {
    adapter: "hub88",
    balanceOnRefusal: true,
    statusFor: (expected) => STATUS[expected],
    field: (name) => [
      (
        {
          amount: "amount",
          tx: "transaction_uuid",
          user: "user",
          roundClosed: "round_closed",
          round: "round",
        } as const
      )[name],
    ],
    body(kind: Kind, player: Player, args: TxArgs = {}) {
      const common = {
        user: args.user ?? player.playerId,
        token: args.token ?? player.token,
        request_uuid: args.request ?? uuid(),
      };
      if (kind === "balance") return { ...common, game_code: args.game ?? options.gameCode };
      const tx = {
        ...common,
        transaction_uuid: args.tx ?? uuid(),
        round: args.round ?? uuid(),
        game_code: args.game ?? options.gameCode,
        round_closed: args.roundClosed ?? false,
      };
      if (kind === "rollback") return { ...tx, reference_transaction_uuid: args.ref ?? uuid() };
      const money = {
        ...tx,
        currency: args.currency ?? player.currency,
        amount: Number(args.amount ?? 100_000n),
        is_free: false,
        bet: "spin",
        supplier_transaction_id: uuid(),
      };
      return kind === "win" ? { ...money, reference_transaction_uuid: args.ref ?? uuid() } : money;
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
      const balance = typeof answer.body.balance === "number" ? BigInt(answer.body.balance) : undefined;
      return { ...answer, status: String(answer.body.status ?? `HTTP ${answer.http}`), balance };
    },
  };
}
