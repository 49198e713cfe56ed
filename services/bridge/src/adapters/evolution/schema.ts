// Evolution-style One Wallet bodies: check, balance, debit, credit, cancel. Amounts are
// decimal numbers of the currency; `transaction.refId` of a credit or cancel names the debit.
import { z } from "zod";

const id = z.string().min(1).max(255);
const decimalAmount = z.number().min(0).max(1e12);

export const checkRequest = z.looseObject({ sid: id, userId: id, uuid: id });

export const balanceRequest = z.looseObject({
  sid: id,
  userId: id,
  currency: z.string().min(3).max(8),
  uuid: id,
  game: z.looseObject({ id: id.nullish(), type: z.string().nullish() }).nullish(),
});

export const moneyRequest = z.looseObject({
  sid: id,
  userId: id,
  currency: z.string().min(3).max(8),
  uuid: id,
  game: z.looseObject({
    id,
    type: z.string().max(64).nullish(),
    details: z.looseObject({ table: z.looseObject({ id: z.string().nullish() }).nullish() }).nullish(),
  }),
  transaction: z.looseObject({ id, refId: id, amount: decimalAmount }),
  roundClosed: z.boolean().nullish(),
});

export type MoneyRequest = z.infer<typeof moneyRequest>;
