// The ledger's verbs. Each is one call of its PL/pgSQL function (see migrations/0002): the
// idempotency check, responsible-gaming checks, balance update with its floor check, entries,
// hash-chain link and outbox event all happen in that one database transaction.
import { requestHash } from "./request-hash.ts";
import { type OperationContext, type OperationOutcome, postingIds, runOperation } from "./run-operation.ts";

export interface PlayerCurrency {
  playerId: string;
  currency: string;
}

export async function openAccount(ctx: OperationContext, input: PlayerCurrency & { jurisdiction: string }) {
  return runOperation(
    ctx,
    null,
    (sql) =>
      sql`select ledger_open_account(${input.playerId}, ${input.currency}, ${input.jurisdiction}) as r`,
  );
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
  return runOperation(ctx, input.playerId, (sql) => {
    const p = postingIds(ctx);
    return sql`select ledger_bet(${ctx.caller}, ${key}, ${h}, ${p.txId}, ${p.eventId}, ${p.context}::jsonb,
      ${input.playerId}, ${input.currency}, ${input.amount.toString()}::bigint, ${input.betId}, ${input.roundId},
      ${input.gameId}, ${input.providerId}, ${input.sessionId ?? null}) as r`;
  });
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
  return runOperation(ctx, input.playerId, (sql) => {
    const p = postingIds(ctx);
    return sql`select ledger_win(${ctx.caller}, ${key}, ${h}, ${p.txId}, ${p.eventId}, ${p.context}::jsonb,
      ${input.playerId}, ${input.currency}, ${input.amount.toString()}::bigint, ${input.winId}, ${input.betId ?? null},
      ${input.roundId}, ${input.gameId}, ${input.providerId}, ${input.closeRound ?? false}) as r`;
  });
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
  return runOperation(ctx, input.playerId, (sql) => {
    const p = postingIds(ctx);
    return sql`select ledger_rollback(${ctx.caller}, ${key}, ${h}, ${p.txId}, ${p.eventId}, ${p.context}::jsonb,
      ${input.playerId}, ${input.currency}, ${input.rollbackId}, ${input.betId}, ${input.roundId ?? null},
      ${input.gameId ?? null}, ${input.providerId}) as r`;
  });
}

export interface DepositInput extends PlayerCurrency {
  amount: bigint;
  depositId: string;
  psp: string;
  pspReference: string;
}

export async function deposit(ctx: OperationContext, key: string, input: DepositInput, hash?: string) {
  const h = hash ?? (await requestHash("deposit", input));
  return runOperation(ctx, input.playerId, (sql) => {
    const p = postingIds(ctx);
    return sql`select ledger_deposit(${ctx.caller}, ${key}, ${h}, ${p.txId}, ${p.eventId}, ${p.context}::jsonb,
      ${input.playerId}, ${input.currency}, ${input.amount.toString()}::bigint, ${input.depositId}, ${input.psp},
      ${input.pspReference}) as r`;
  });
}

export interface WithdrawInput extends PlayerCurrency {
  amount: bigint;
  withdrawalId: string;
  expiresInSeconds: number;
  holdId: string;
}

export async function holdWithdrawal(ctx: OperationContext, key: string, input: WithdrawInput, hash: string) {
  return runOperation(ctx, input.playerId, (sql) => {
    const p = postingIds(ctx);
    return sql`select ledger_withdraw(${ctx.caller}, ${key}, ${hash}, ${p.txId}, ${p.eventId}, ${p.context}::jsonb,
      ${input.playerId}, ${input.currency}, ${input.amount.toString()}::bigint, ${input.withdrawalId}, ${input.holdId},
      ${input.expiresInSeconds}::int) as r`;
  });
}

export async function settleWithdrawal(
  ctx: OperationContext,
  key: string | null,
  withdrawalId: string,
  action: "commit" | "release",
): Promise<OperationOutcome> {
  const h = await requestHash(`withdrawal_${action}`, { withdrawalId });
  return runOperation(ctx, null, (sql) => {
    const p = postingIds(ctx);
    return sql`select ledger_settle_withdrawal(${ctx.caller}, ${key}, ${h}, ${p.txId}, ${p.eventId},
      ${p.context}::jsonb, ${withdrawalId}, ${action}) as r`;
  });
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
  return runOperation(ctx, input.playerId, (sql) => {
    const p = postingIds(ctx);
    return sql`select ledger_adjust(${ctx.caller}, ${key}, ${h}, ${p.txId}, ${p.eventId}, ${p.context}::jsonb,
      ${input.playerId}, ${input.currency}, ${input.amount.toString()}::bigint, ${input.bucket}, ${input.actor},
      ${input.reason}, ${input.adjustmentId}) as r`;
  });
}

export interface BonusGrantInput extends PlayerCurrency {
  amount: bigint;
  bonusId: string;
}

export async function grantBonus(ctx: OperationContext, key: string, input: BonusGrantInput, hash?: string) {
  const h = hash ?? (await requestHash("bonus_grant", input));
  return runOperation(ctx, input.playerId, (sql) => {
    const p = postingIds(ctx);
    return sql`select ledger_bonus_grant(${ctx.caller}, ${key}, ${h}, ${p.txId}, ${p.eventId},
      ${p.context}::jsonb, ${input.playerId}, ${input.currency}, ${input.amount.toString()}::bigint, ${input.bonusId}) as r`;
  });
}

export async function settleBonus(
  ctx: OperationContext,
  key: string | null,
  bonusId: string,
  action: "convert" | "forfeit",
  amount: bigint | null,
) {
  const h = await requestHash(`bonus_${action}`, { bonusId, amount: amount?.toString() });
  return runOperation(ctx, null, (sql) => {
    const p = postingIds(ctx);
    return sql`select ledger_bonus_settle(${ctx.caller}, ${key}, ${h}, ${p.txId}, ${p.eventId},
      ${p.context}::jsonb, ${bonusId}, ${action}, ${amount === null ? null : amount.toString()}::bigint) as r`;
  });
}
