import { envVar } from "@croupier/core/env";
import { z } from "zod";

const flag = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0", "on", "off"], { error: "expected true or false" })
    .default(fallback ? "true" : "false")
    .transform((v) => v === "true" || v === "1" || v === "on");

/** Every setting of the ledger, parsed once at start (see loadEnvOrExit). */
export const ledgerEnv = {
  PORT: envVar.port(8082),
  REGION: envVar.region(),
  LOG_LEVEL: envVar.logLevel(),
  DATABASE_URL: envVar.databaseUrl(),
  NATS_URL: envVar.natsUrl(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
  OTEL_EXPORTER_OTLP_ENDPOINT: envVar.optionalUrl(),
  SHUTDOWN_TIMEOUT_MS: envVar.durationMs(10_000),
  /** `name:role:secret,…`: the services allowed to call the ledger and their roles. */
  SERVICE_CALLERS: z.string().default(""),
  /** Relay the outbox to JetStream from this process (one relay per region holds the lock). */
  OUTBOX_RELAY: flag(true),
  /** House roll-up, hold expiry and idempotency retention jobs. */
  BACKGROUND_JOBS: flag(true),
  /** JetStream stream for wallet events; defaults to WALLET_<REGION>. */
  WALLET_STREAM: z
    .string()
    .regex(/^[A-Z0-9_-]+$/)
    .optional(),
  /** Idempotency records are kept at least this long (≥ 4 months). */
  IDEMPOTENCY_RETENTION_DAYS: z.coerce.number().int().min(122).default(130),
  /** Micro-batching: operations arriving within this many ms share one transaction (0 = off). */
  OPERATION_BATCH_WINDOW_MS: z.coerce.number().min(0).max(50).default(2),
  OPERATION_BATCH_MAX: z.coerce.number().int().min(2).max(1000).default(64),
  /**
   * Micro-batches running at once. While all are busy, new operations queue and go out together in
   * the next batch, so batches grow with load instead of piling up as many small transactions.
   */
  OPERATION_BATCH_CONCURRENCY: z.coerce.number().int().min(1).max(200).default(4),
  /** Default lifetime of a withdrawal hold when the request does not name one. */
  HOLD_TTL_SECONDS: z.coerce.number().int().min(1).default(86_400),
};

export type LedgerConfig = z.infer<z.ZodObject<typeof ledgerEnv>>;

export function walletStream(config: Pick<LedgerConfig, "WALLET_STREAM" | "REGION">): string {
  return config.WALLET_STREAM ?? `WALLET_${config.REGION.toUpperCase()}`;
}
