// An Evolution-style One Wallet protocol beside the Hub88-style one, to keep the seam honest:
// POST /check, /balance, /debit, /credit, /cancel (optionally under a provider id), decimal
// amounts, `uuid` as the request id, statuses such as OK / INSUFFICIENT_FUNDS / BET_DOES_NOT_EXIST.
// Requests are signed like Hub88's (RSA-SHA256 of the raw body, header X-Signature).
import { currencies, formatDecimal, parseDecimal } from "@croupier/money";
import type { Outcome, TransactionKind } from "../../domain/outcomes.ts";
import { sessionBalance } from "../../domain/player-views.ts";
import { transact } from "../../domain/transact.ts";
import type { AdapterDeps } from "../adapter-deps.ts";
import { SerialisedAnswer } from "../serialised-answer.ts";
import {
  invalidRequestStatus,
  type RequestBody,
  signedWalletRoutes,
  type WalletProtocol,
} from "../signed-wallet-routes.ts";
import { validate } from "../validation.ts";
import { balanceRequest, checkRequest, type MoneyRequest, moneyRequest } from "./schema.ts";
import { EVOLUTION_STATUS } from "./statuses.ts";

export const EVOLUTION_ADAPTER = "evolution";
export const EVOLUTION_SIGNATURE_HEADER = "X-Signature";

type Endpoint = "check" | "balance" | "debit" | "credit" | "cancel";
const ENDPOINTS: Endpoint[] = ["check", "balance", "debit", "credit", "cancel"];
const KIND: Record<"debit" | "credit" | "cancel", TransactionKind> = {
  debit: "bet",
  credit: "win",
  cancel: "rollback",
};

/** A decimal number of the currency as exact units; undefined when it has more decimals than the currency. */
function decimalToUnits(value: number, currency: string): bigint | undefined {
  if (!currencies[currency]) return undefined;
  const text = String(value);
  if (!/^\d+(\.\d+)?$/.test(text)) return undefined;
  try {
    return parseDecimal(text, currency);
  } catch {
    return undefined;
  }
}

export function evolutionRoutes(deps: AdapterDeps) {
  const refusal = (status: Outcome["status"], raw: RequestBody | undefined) => ({
    status: EVOLUTION_STATUS[status],
    ...(typeof raw?.uuid === "string" ? { uuid: raw.uuid } : {}),
  });
  const rendered = (outcome: Outcome, uuid: string) => ({
    status: EVOLUTION_STATUS[outcome.status],
    ...(outcome.balance !== undefined && outcome.currency
      ? { balance: Number(formatDecimal(outcome.balance, outcome.currency)), bonus: 0 }
      : {}),
    uuid,
  });

  const serve: WalletProtocol<Endpoint>["serve"] = async (c, endpoint, provider, body, refuse) => {
    const ctx = deps.domain(c);
    if (endpoint === "check" || endpoint === "balance") {
      const parsed = validate(endpoint === "check" ? checkRequest : balanceRequest, body);
      if (!parsed.ok) return refuse(invalidRequestStatus(parsed.problem));
      const value = parsed.value as { sid: string; userId: string; uuid: string; currency?: string };
      const outcome = await sessionBalance(ctx, { provider, token: value.sid, playerId: value.userId });
      if (outcome.status === "ok" && value.currency && value.currency !== outcome.currency) {
        return refuse("wrong_currency");
      }
      if (endpoint === "check") {
        return {
          status: outcome.status,
          body: { status: EVOLUTION_STATUS[outcome.status], sid: value.sid, uuid: value.uuid },
        };
      }
      return { status: outcome.status, body: rendered(outcome, value.uuid) };
    }
    const parsed = validate(moneyRequest, body);
    if (!parsed.ok) return refuse(invalidRequestStatus(parsed.problem));
    const value: MoneyRequest = parsed.value;
    const kind = KIND[endpoint];
    const units = decimalToUnits(value.transaction.amount, value.currency);
    if (units === undefined) return refuse("wrong_types");
    const result = await transact(
      ctx,
      {
        kind,
        provider,
        endpoint,
        requestUuid: value.uuid,
        transactionUuid: value.transaction.id,
        token: value.sid,
        playerId: value.userId,
        currency: value.currency,
        amount: kind === "rollback" ? 0n : units,
        round: value.game.id,
        gameCode: value.game.type ?? null,
        referenceUuid: kind === "bet" ? null : value.transaction.refId,
        roundClosed: value.roundClosed === true || kind === "win",
      },
      (outcome) => rendered(outcome, value.uuid),
    );
    return { status: result.outcome?.status ?? "replayed", body: new SerialisedAnswer(result.text) };
  };

  return signedWalletRoutes(deps, {
    adapter: EVOLUTION_ADAPTER,
    signatureHeader: EVOLUTION_SIGNATURE_HEADER,
    endpoints: ENDPOINTS,
    refusal,
    serve,
  });
}
