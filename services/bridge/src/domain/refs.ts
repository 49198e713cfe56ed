// Provider ids are only unique per provider, so every id we hand the ledger is scoped by the
// provider; ids that are too long or use other characters are replaced by a stable hash.
import { createHash } from "node:crypto";

const SAFE = /^[A-Za-z0-9._:-]+$/;
const MAX_LENGTH = 200;

export function scopedRef(providerId: string, kind: string, id: string): string {
  const plain = `${providerId}:${kind}:${id}`;
  if (plain.length <= MAX_LENGTH && SAFE.test(id)) return plain;
  return `${providerId}:${kind}:h:${createHash("sha256").update(id).digest("base64url")}`;
}

/** The ledger idempotency key of a provider transaction: one per provider and transaction id. */
export function idempotencyKey(providerId: string, transactionUuid: string): string {
  return scopedRef(providerId, "tx", transactionUuid);
}

export const betRef = (providerId: string, transactionUuid: string) =>
  scopedRef(providerId, "tx", transactionUuid);
export const roundRef = (providerId: string, round: string) => scopedRef(providerId, "round", round);
