// The ledger's verbs. Each is one call of its PL/pgSQL function (see migrations/0002): the
// idempotency check, responsible-gaming checks, balance update with its floor check, entries,
// hash-chain link and outbox event all happen in that one database transaction.
import { requestHash } from "./request-hash.ts";
import {
  type OperationContext,
  type OperationOutcome,
  type PostingIds,
  runOperation,
} from "./run-operation.ts";

/** The arguments every posting function takes first: caller, key, request hash, ids, context. */
function postingArgs(ctx: OperationContext, key: string | null, hash: string, ids: PostingIds) {
  return [ctx.caller, key, hash, ids.txId, ids.eventId, ids.context];
}

export interface PlayerCurrency {
  playerId: string;
  currency: string;
}

export async function openAccount(ctx: OperationContext, input: PlayerCurrency & { jurisdiction: string }) {
  return runOperation(ctx, null, () => ({
    fn: "ledger_open_account",
    args: [input.playerId, input.currency, input.jurisdiction],
  }));
}

export interface BetInput extends PlayerCurrency {
  amount: bigint;
  betId: string;
  roundId: string;
  gameId: string;
  providerId: string;
  sessionId?: string | undefined;
}

export async function placeBet(ctx: OperationContext, key: string, input: BetInput, hash?: string) {
  const h = hash ?? (await requestHash("bet", input));
  return runOperation(ctx, input.playerId, (ids) => ({
    fn: "ledger_bet",
    args: [
      ...postingArgs(ctx, key, h, ids),
      input.playerId,
      input.currency,
      input.amount.toString(),
      input.betId,
      input.roundId,
      input.gameId,
      input.providerId,
      input.sessionId ?? null,
    ],
  }));
}

export interface WinInput extends PlayerCurrency {
  amount: bigint;
  winId: string;
  betId?: string | undefined;
  roundId: string;
  gameId: string;
  providerId: string;
  closeRound?: boolean | undefined;
}

export async function settleWin(ctx: OperationContext, key: string, input: WinInput, hash?: string) {
  const h = hash ?? (await requestHash("win", input));
  return runOperation(ctx, input.playerId, (ids) => ({
    fn: "ledger_win",
    args: [
      ...postingArgs(ctx, key, h, ids),
      input.playerId,
      input.currency,
      input.amount.toString(),
      input.winId,
      input.betId ?? null,
      input.roundId,
      input.gameId,
      input.providerId,
      input.closeRound ?? false,
    ],
  }));
}

export interface RollbackInput extends PlayerCurrency {
  rollbackId: string;
  betId: string;
  roundId?: string | undefined;
  gameId?: string | undefined;
  providerId: string;
}

export async function rollbackBet(ctx: OperationContext, key: string, input: RollbackInput, hash?: string) {
  const h = hash ?? (await requestHash("rollback", input));
  return runOperation(ctx, input.playerId, (ids) => ({
    fn: "ledger_rollback",
    args: [
      ...postingArgs(ctx, key, h, ids),
      input.playerId,
      input.currency,
      input.rollbackId,
      input.betId,
      input.roundId ?? null,
      input.gameId ?? null,
      input.providerId,
    ],
  }));
}

export interface DepositInput extends PlayerCurrency {
  amount: bigint;
  depositId: string;
  psp: string;
  pspReference: string;
}

export async function deposit(ctx: OperationContext, key: string, input: DepositInput, hash?: string) {
  const h = hash ?? (await requestHash("deposit", input));
  return runOperation(ctx, input.playerId, (ids) => ({
    fn: "ledger_deposit",
    args: [
      ...postingArgs(ctx, key, h, ids),
      input.playerId,
      input.currency,
      input.amount.toString(),
      input.depositId,
      input.psp,
      input.pspReference,
    ],
  }));
}

export interface WithdrawInput extends PlayerCurrency {
  amount: bigint;
  withdrawalId: string;
  expiresInSeconds: number;
  holdId: string;
}

export async function holdWithdrawal(ctx: OperationContext, key: string, input: WithdrawInput, hash: string) {
  return runOperation(ctx, input.playerId, (ids) => ({
    fn: "ledger_withdraw",
    args: [
      ...postingArgs(ctx, key, hash, ids),
      input.playerId,
      input.currency,
      input.amount.toString(),
      input.withdrawalId,
      input.holdId,
      String(input.expiresInSeconds),
    ],
  }));
}

export async function settleWithdrawal(
  ctx: OperationContext,
  key: string | null,
  withdrawalId: string,
  action: "commit" | "release",
): Promise<OperationOutcome> {
  const h = await requestHash(`withdrawal_${action}`, { withdrawalId });
  return runOperation(ctx, null, (ids) => ({
    fn: "ledger_settle_withdrawal",
    args: [...postingArgs(ctx, key, h, ids), withdrawalId, action],
  }));
}

export interface AdjustInput extends PlayerCurrency {
  amount: bigint;
  bucket: "cash" | "bonus";
  actor: string;
  reason: string;
  adjustmentId: string;
}

export async function adjust(ctx: OperationContext, key: string, input: AdjustInput, hash?: string) {
  const h = hash ?? (await requestHash("adjustment", input));
  return runOperation(ctx, input.playerId, (ids) => ({
    fn: "ledger_adjust",
    args: [
      ...postingArgs(ctx, key, h, ids),
      input.playerId,
      input.currency,
      input.amount.toString(),
      input.bucket,
      input.actor,
      input.reason,
      input.adjustmentId,
    ],
  }));
}

export interface BonusGrantInput extends PlayerCurrency {
  amount: bigint;
  bonusId: string;
}

export async function grantBonus(ctx: OperationContext, key: string, input: BonusGrantInput, hash?: string) {
  const h = hash ?? (await requestHash("bonus_grant", input));
  return runOperation(ctx, input.playerId, (ids) => ({
    fn: "ledger_bonus_grant",
    args: [
      ...postingArgs(ctx, key, h, ids),
      input.playerId,
      input.currency,
      input.amount.toString(),
      input.bonusId,
    ],
  }));
}

export async function settleBonus(
  ctx: OperationContext,
  key: string | null,
  bonusId: string,
  action: "convert" | "forfeit",
  amount: bigint | null,
) {
  const h = await requestHash(`bonus_${action}`, { bonusId, amount: amount?.toString() });
  return runOperation(ctx, null, (ids) => ({
    fn: "ledger_bonus_settle",
    args: [...postingArgs(ctx, key, h, ids), bonusId, action, amount === null ? null : amount.toString()],
  }));
}
