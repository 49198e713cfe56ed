// The Hub88-style operator wallet API: POST /user/info, /user/balance, /transaction/bet,
// /transaction/win and /transaction/rollback, optionally under a provider id
// (`/providers/hub88/<providerId>/…`; without one, the adapter's default provider). Every
// answer is HTTP 200 with the status in the body, signed with X-Hub88-Signature.
import type { z } from "zod";
import type { Outcome, TransactionKind } from "../../domain/outcomes.ts";
import { playerInfo, sessionBalance } from "../../domain/player-views.ts";
import { transact } from "../../domain/transact.ts";
import type { AdapterDeps } from "../adapter-deps.ts";
import { parseJsonObject } from "../read-body.ts";
import { SerialisedAnswer } from "../serialised-answer.ts";
import {
  invalidRequestStatus,
  type RequestBody,
  signedWalletRoutes,
  type WalletProtocol,
} from "../signed-wallet-routes.ts";
import { validate } from "../validation.ts";
import { unitsToWire, wireToUnits } from "../wire-amount.ts";
import { balanceRequest, betRequest, rollbackRequest, userInfoRequest, winRequest } from "./schema.ts";
import { HUB88_STATUS } from "./statuses.ts";

export const HUB88_ADAPTER = "hub88";
export const SIGNATURE_HEADER = "X-Hub88-Signature";

type Endpoint = "user/info" | "user/balance" | "transaction/bet" | "transaction/win" | "transaction/rollback";
const ENDPOINTS: Endpoint[] = [
  "user/info",
  "user/balance",
  "transaction/bet",
  "transaction/win",
  "transaction/rollback",
];

type Body = RequestBody;

export function hub88Routes(deps: AdapterDeps) {
  /** Echoes what can be echoed from a request we could not process. */
  const refusal = (status: Outcome["status"], raw: Body | undefined) => ({
    ...(typeof raw?.user === "string" ? { user: raw.user } : {}),
    status: HUB88_STATUS[status],
    ...(typeof raw?.request_uuid === "string" ? { request_uuid: raw.request_uuid } : {}),
    ...(typeof raw?.currency === "string" ? { currency: raw.currency } : {}),
  });

  const serve: WalletProtocol<Endpoint>["serve"] = async (c, endpoint, provider, body, refuse) => {
    const ctx = deps.domain(c);
    const rendered = (
      outcome: Outcome,
      user: string,
      requestUuid: string,
      fallbackCurrency: string | null,
    ) => ({
      user,
      status: HUB88_STATUS[outcome.status],
      request_uuid: requestUuid,
      ...((outcome.currency ?? fallbackCurrency) ? { currency: outcome.currency ?? fallbackCurrency } : {}),
      ...(outcome.balance !== undefined && (outcome.currency ?? fallbackCurrency)
        ? { balance: Number(unitsToWire(outcome.balance, (outcome.currency ?? fallbackCurrency) as string)) }
        : {}),
    });

    if (endpoint === "user/info") {
      const parsed = validate(userInfoRequest, body);
      if (!parsed.ok) return refuse(invalidRequestStatus(parsed.problem));
      const outcome = await playerInfo(ctx, { provider, playerId: parsed.value.user });
      return {
        status: outcome.status,
        body: {
          user: parsed.value.user,
          status: HUB88_STATUS[outcome.status],
          request_uuid: parsed.value.request_uuid,
          ...(outcome.session ? { jurisdiction: outcome.session.jurisdiction.toUpperCase() } : {}),
        },
      };
    }
    if (endpoint === "user/balance") {
      const parsed = validate(balanceRequest, body);
      if (!parsed.ok) return refuse(invalidRequestStatus(parsed.problem));
      const outcome = await sessionBalance(ctx, {
        provider,
        token: parsed.value.token,
        playerId: parsed.value.user,
      });
      return {
        status: outcome.status,
        body: rendered(outcome, parsed.value.user, parsed.value.request_uuid, null),
      };
    }

    const kind = endpoint.slice("transaction/".length) as TransactionKind;
    const schema = (
      kind === "bet" ? betRequest : kind === "win" ? winRequest : rollbackRequest
    ) as z.ZodType<Body>;
    const parsed = validate(schema, body);
    if (!parsed.ok) return refuse(invalidRequestStatus(parsed.problem));
    const value = parsed.value as Body & {
      user: string;
      transaction_uuid: string;
      token: string;
      round: string;
      request_uuid: string;
      game_code?: string | null;
      currency?: string;
      amount?: number;
      reference_transaction_uuid?: string;
      round_closed?: boolean | null;
      is_free?: boolean | null;
    };
    let units = 0n;
    if (kind !== "rollback") {
      const converted = wireToUnits(BigInt(value.amount ?? 0), value.currency ?? "");
      if (converted === undefined) {
        return refuse("wrong_currency");
      }
      units = converted;
    }
    const result = await transact(
      ctx,
      {
        kind,
        provider,
        endpoint,
        requestUuid: value.request_uuid,
        transactionUuid: value.transaction_uuid,
        token: value.token,
        playerId: value.user,
        currency: kind === "rollback" ? null : (value.currency ?? null),
        amount: units,
        // A free bet is paid by the provider's reward, not from the player's balance.
        ...(kind === "bet" && value.is_free === true ? { walletAmount: 0n } : {}),
        round: value.round,
        gameCode: value.game_code ?? null,
        referenceUuid: value.reference_transaction_uuid ?? null,
        roundClosed: value.round_closed === true,
      },
      (outcome) => rendered(outcome, value.user, value.request_uuid, value.currency ?? null),
    );
    const status = result.outcome?.status ?? statusOf(result.text);
    return { status, body: new SerialisedAnswer(result.text) };
  };

  return signedWalletRoutes(deps, {
    adapter: HUB88_ADAPTER,
    signatureHeader: SIGNATURE_HEADER,
    endpoints: ENDPOINTS,
    refusal,
    serve,
  });
}

/** The canonical outcome of a replayed answer, for the metrics. */
function statusOf(text: string): string {
  const status = (parseJsonObject(text) as { status?: string } | undefined)?.status;
  const entry = Object.entries(HUB88_STATUS).find(([, value]) => value === status);
  return entry ? entry[0] : "replayed";
}
