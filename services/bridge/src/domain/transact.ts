// The one path every provider money call takes, whatever its protocol: replay detection by
// request id and by transaction id, session and catalogue checks, the ledger call under an
// idempotency key derived from the provider and transaction id, then one write that stores
// the answer, the transaction and the round change together.
import { currencies } from "@croupier/money";
import type { DomainContext } from "./context.ts";
import { transactionFingerprint } from "./fingerprint.ts";
import { refusalForWalletError } from "./map-wallet-error.ts";
import { isFinal, type Outcome, type TransactionKind } from "./outcomes.ts";
import { idempotencyKey, roundRef as ledgerRoundId, scopedRef } from "./refs.ts";
import { stakeAllowed, stakeLimitFor } from "./stake-limits.ts";
import type { PriorRecords, ProviderRecord, SessionRecord } from "./store-port.ts";
import { type WalletResult, WalletUnavailableError } from "./wallet-port.ts";

export interface TransactionRequest {
  kind: TransactionKind;
  provider: ProviderRecord;
  endpoint: string;
  requestUuid: string;
  transactionUuid: string;
  token: string | null;
  playerId: string;
  /** Absent when the protocol does not send it (e.g. Hub88 rollbacks): resolved from records. */
  currency: string | null;
  /** Units of the currency's scale (already converted from the wire unit). */
  amount: bigint;
  /** What moves in the wallet when it differs from `amount` (a free bet is funded by its reward: 0). */
  walletAmount?: bigint;
  round: string;
  gameCode: string | null;
  referenceUuid: string | null;
  roundClosed: boolean;
}

/** The answer as sent: serialised once, stored and replayed as this exact text. */
export type Rendered = { text: string; replayed: boolean; outcome?: Outcome };

/** Runs a bet, win or rollback; `render` turns the outcome into the protocol's response body. */
export async function transact(
  ctx: DomainContext,
  request: TransactionRequest,
  render: (outcome: Outcome) => unknown,
): Promise<Rendered> {
  const { store, provider } = { store: ctx.store, provider: request.provider };
  const fingerprint = transactionFingerprint({
    kind: request.kind,
    playerId: request.playerId,
    currency: request.currency,
    amount: request.amount,
    roundRef: request.round,
    gameCode: request.gameCode,
    referenceUuid: request.referenceUuid,
  });
  // A protocol that sends no currency (Hub88-style rollbacks) gets what resolves it in the same
  // look-up: the referenced transaction's currency and the player's latest session's.
  const needsCurrency = request.currency === null;
  const prior = await store.prior({
    providerId: provider.id,
    requestUuid: request.requestUuid,
    transactionUuid: request.transactionUuid,
    ...(needsCurrency && request.referenceUuid ? { referenceUuid: request.referenceUuid } : {}),
    ...(needsCurrency ? { latestSessionOf: request.playerId } : {}),
  });
  if (prior.response !== undefined) return { text: prior.response, replayed: true };

  // Cached (sessions never change once issued), so this costs no round trip on the hot path.
  let session: SessionRecord | undefined;
  const answer = async (outcome: Outcome, extra: { transaction?: boolean } = {}): Promise<Rendered> => {
    const text = JSON.stringify(render(outcome));
    if (isFinal(outcome.status)) {
      await store.record({
        providerId: provider.id,
        requestUuid: request.requestUuid,
        endpoint: request.endpoint,
        responseText: text,
        ...(extra.transaction && outcome.currency
          ? {
              transaction: {
                providerId: provider.id,
                transactionUuid: request.transactionUuid,
                kind: request.kind,
                playerId: request.playerId,
                currency: outcome.currency,
                amount: request.amount,
                roundRef: request.round,
                gameCode: request.gameCode,
                referenceUuid: request.referenceUuid,
                fingerprint,
                outcome: outcome.status,
                balance: outcome.balance ?? null,
                ledgerTxId: outcome.ledgerTxId ?? null,
              },
              round:
                outcome.status === "ok"
                  ? {
                      providerId: provider.id,
                      roundRef: request.round,
                      playerId: request.playerId,
                      currency: outcome.currency,
                      gameCode: request.gameCode,
                      kind: request.kind,
                      amount: request.walletAmount ?? request.amount,
                      close: request.roundClosed,
                      jurisdiction: session?.jurisdiction ?? null,
                    }
                  : undefined,
            }
          : {}),
      });
    }
    return { text, replayed: false, outcome };
  };

  if (prior.transaction) {
    const stored = prior.transaction;
    if (stored.fingerprint !== fingerprint) {
      return answer(
        await withBalance(
          ctx,
          { status: "duplicate_transaction", playerId: request.playerId },
          request.currency,
        ),
      );
    }
    return answer({
      status: stored.outcome as Outcome["status"],
      playerId: stored.playerId,
      currency: stored.currency,
      balance: stored.balance ?? undefined,
      ledgerTxId: stored.ledgerTxId,
    });
  }

  session = request.token ? await store.findSession(request.token) : undefined;
  const refusal = await checkRequest(ctx, request, session);
  if (refusal) {
    return answer(
      await withBalance(
        ctx,
        { status: refusal, playerId: request.playerId },
        request.currency ?? session?.currency ?? null,
      ),
      // A stake refusal is the transaction's answer, like the ledger's refusals: a retry under
      // the same transaction id gets it again even if the registry's limits changed meanwhile.
      { transaction: refusal === "bet_limit_exceeded" },
    );
  }
  const currency = request.currency ?? (await resolveCurrency(ctx, request, session, prior));
  if (!currency) {
    return answer({ status: "wrong_currency", playerId: request.playerId });
  }

  let result: WalletResult;
  try {
    result = await callWallet(ctx, request, currency);
  } catch (error) {
    if (!(error instanceof WalletUnavailableError)) throw error;
    ctx.log.warn(
      { err: error, providerId: provider.id, kind: request.kind },
      "wallet unavailable; outcome unknown",
    );
    return answer({ status: "unknown", playerId: request.playerId, currency });
  }
  if (result.ok) {
    return answer(
      {
        status: "ok",
        playerId: request.playerId,
        currency,
        balance: result.balance.total,
        ledgerTxId: result.txId,
      },
      { transaction: true },
    );
  }
  const status = refusalForWalletError(result.code);
  const outcome: Outcome = { status, playerId: request.playerId, currency, balance: result.balance?.total };
  return answer(outcome.balance === undefined ? await withBalance(ctx, outcome, currency) : outcome, {
    transaction: status !== "duplicate_transaction",
  });
}

async function checkRequest(
  ctx: DomainContext,
  request: TransactionRequest,
  session: SessionRecord | undefined,
): Promise<Outcome["status"] | undefined> {
  if (request.currency !== null && !currencies[request.currency]) return "wrong_currency";
  if (request.kind === "bet") {
    // Bets need a live session; wins and rollbacks may arrive long after it ended.
    if (!session || session.providerId !== request.provider.id) return "invalid_token";
    if (session.playerId !== request.playerId) return "invalid_token";
    if (ctx.clock().getTime() >= session.expiresAt.getTime()) return "token_expired";
    if (request.currency !== session.currency) return "wrong_currency";
    if (request.provider.currencies.length > 0 && !request.provider.currencies.includes(session.currency)) {
      return "wrong_currency";
    }
    const game = request.gameCode
      ? await ctx.store.findGame(request.provider.id, request.gameCode)
      : undefined;
    if (!game?.enabled) return "invalid_game";
    if (game.gameCode !== session.gameCode) {
      // The token is bound to its game; only a live-casino lobby session may move between tables.
      const launched = await ctx.store.findGame(request.provider.id, session.gameCode);
      if (launched?.category !== "live" || game.category !== "live") return "invalid_game";
    }
    const limit = stakeLimitFor(request.provider, game, session.currency);
    if (!stakeAllowed(limit, request.walletAmount ?? request.amount)) return "bet_limit_exceeded";
    return undefined;
  }
  if (session && (session.providerId !== request.provider.id || session.playerId !== request.playerId)) {
    return "invalid_token";
  }
  if (session && request.currency !== null && request.currency !== session.currency) return "wrong_currency";
  return undefined;
}

async function resolveCurrency(
  ctx: DomainContext,
  request: TransactionRequest,
  session: SessionRecord | undefined,
  prior: PriorRecords,
): Promise<string | undefined> {
  const known = prior.referencedCurrency ?? session?.currency ?? prior.latestSessionCurrency;
  if (known) return known;
  try {
    const balances = await ctx.wallet.balances(request.playerId, ctx.call);
    return balances.keys().next().value;
  } catch {
    return undefined;
  }
}

function callWallet(
  ctx: DomainContext,
  request: TransactionRequest,
  currency: string,
): Promise<WalletResult> {
  const providerId = request.provider.id;
  const key = idempotencyKey(providerId, request.transactionUuid);
  const own = scopedRef(providerId, "tx", request.transactionUuid);
  const roundId = ledgerRoundId(providerId, request.round);
  const gameId = request.gameCode ?? "unknown";
  switch (request.kind) {
    case "bet":
      return ctx.wallet.bet(
        {
          playerId: request.playerId,
          currency,
          amount: request.walletAmount ?? request.amount,
          betId: own,
          roundId,
          gameId,
          providerId,
        },
        key,
        ctx.call,
      );
    case "win":
      return ctx.wallet.win(
        {
          playerId: request.playerId,
          currency,
          amount: request.walletAmount ?? request.amount,
          winId: own,
          ...(request.referenceUuid ? { betId: scopedRef(providerId, "tx", request.referenceUuid) } : {}),
          roundId,
          gameId,
          providerId,
          closeRound: request.roundClosed,
        },
        key,
        ctx.call,
      );
    case "rollback":
      return ctx.wallet.rollback(
        {
          playerId: request.playerId,
          currency,
          rollbackId: own,
          betId: scopedRef(providerId, "tx", request.referenceUuid ?? ""),
          roundId,
          ...(request.gameCode ? { gameId: request.gameCode } : {}),
          providerId,
        },
        key,
        ctx.call,
      );
  }
}

/** Refusals carry the player's balance when we can get it cheaply; never fails the request. */
export async function withBalance(
  ctx: DomainContext,
  outcome: Outcome,
  currency: string | null,
): Promise<Outcome> {
  if (!currency || !outcome.playerId) return outcome;
  try {
    const balances = await ctx.wallet.balances(outcome.playerId, ctx.call);
    const found = balances.get(currency);
    return { ...outcome, currency, balance: found?.total };
  } catch {
    return { ...outcome, currency };
  }
}
