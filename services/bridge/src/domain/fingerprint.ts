import type { TransactionKind } from "./outcomes.ts";

/** What makes two requests "the same transaction": a replay must match on every one of these. */
export function transactionFingerprint(input: {
  kind: TransactionKind;
  playerId: string;
  currency: string | null;
  amount: bigint;
  roundRef: string;
  gameCode: string | null;
  referenceUuid: string | null;
}): string {
  return JSON.stringify([
    input.kind,
    input.playerId,
    input.currency ?? "",
    input.amount.toString(),
    input.roundRef,
    input.gameCode ?? "",
    input.referenceUuid ?? "",
  ]);
}
