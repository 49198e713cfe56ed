import { z } from "zod";

/** Subjects read `<region>.<domain>.<entity>.<verb>`, e.g. `eu.wallet.tx.committed`. */
export function subject(region: string, domain: string, entity: string, verb: string): string {
  for (const part of [region, domain, entity, verb]) {
    if (!/^[a-z][a-z0-9_-]*$/.test(part)) throw new Error(`invalid subject token: ${part}`);
  }
  return `${region}.${domain}.${entity}.${verb}`;
}

/** The one event envelope of the platform. `id` is the deduplication key for every consumer. */
export const eventEnvelope = z.object({
  id: z.string().regex(/^evt_[0-9a-f]{32}$/),
  type: z.string().min(1),
  occurredAt: z.iso.datetime({ offset: true }),
  jurisdiction: z.string().min(1),
  region: z.string().min(1),
  requestId: z.string().optional(),
  traceparent: z.string().optional(),
  playerId: z.string().optional(),
  accountId: z.string().optional(),
  roundId: z.string().optional(),
  betId: z.string().optional(),
  txId: z.string().optional(),
  data: z.record(z.string(), z.unknown()),
});

export type EventEnvelope = z.infer<typeof eventEnvelope>;
