// Request bodies of the Hub88-style operator wallet API. Unknown fields are accepted (the
// protocol grows optional fields over time); known fields must have their documented types.
import { z } from "zod";

const id = z.string().min(1).max(255);
const optionalText = z.string().max(255).nullish();
/** Integers of 0.00001 of the currency. */
const amount = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const userInfoRequest = z.looseObject({
  user: id,
  request_uuid: id,
});

export const balanceRequest = z.looseObject({
  user: id,
  token: id,
  request_uuid: id,
  game_code: optionalText,
  supplier_user: optionalText,
});

const transactionFields = {
  user: id,
  transaction_uuid: id,
  supplier_transaction_id: optionalText,
  token: id,
  supplier_user: optionalText,
  round_closed: z.boolean().nullish(),
  round: id,
  reward_uuid: optionalText,
  request_uuid: id,
  is_free: z.boolean().nullish(),
  is_aggregated: z.boolean().nullish(),
  game_code: id,
  currency: z.string().min(3).max(8),
  bet: optionalText,
  amount,
  meta: z.record(z.string(), z.unknown()).nullish(),
};

export const betRequest = z.looseObject(transactionFields);

/** Without a reference, a win settles the round's open bets (e.g. a bonus-round payout). */
export const winRequest = z.looseObject({
  ...transactionFields,
  reference_transaction_uuid: id.nullish(),
});

export const rollbackRequest = z.looseObject({
  user: id,
  transaction_uuid: id,
  supplier_transaction_id: optionalText,
  token: id,
  round_closed: z.boolean().nullish(),
  round: id,
  request_uuid: id,
  reference_transaction_uuid: id,
  game_code: optionalText,
  meta: z.record(z.string(), z.unknown()).nullish(),
});

export type BetRequest = z.infer<typeof betRequest>;
export type WinRequest = z.infer<typeof winRequest>;
export type RollbackRequest = z.infer<typeof rollbackRequest>;
