import { envVar } from "@croupier/core/env";
import { z } from "zod";

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
};

export type LedgerConfig = z.infer<z.ZodObject<typeof ledgerEnv>>;
