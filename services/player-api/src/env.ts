import { envVar } from "@croupier/core/env";
import { z } from "zod";

/** Every setting of player-api, parsed once at start (see loadEnvOrExit). */
export const playerApiEnv = {
  PORT: envVar.port(8081),
  REGION: envVar.region(),
  LOG_LEVEL: envVar.logLevel(),
  DATABASE_URL: envVar.databaseUrl(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  LEDGER_URL: envVar.url(["http:", "https:"]),
  BRIDGE_URL: envVar.url(["http:", "https:"]).default("http://127.0.0.1:8083"),
  SERVICE_TOKEN_SECRET: envVar.secret(),
  EDGE_SIGNING_SECRET: envVar.secret(),
  /**
   * Key-encryption key for the signing keys at rest (base64url, 32 bytes). When absent (local
   * development only) it is derived from SERVICE_TOKEN_SECRET; see docs/adr/0602.
   */
  SIGNING_KEYS_KEK: z
    .string()
    .optional()
    .refine((v) => v === undefined || v === "" || /^[A-Za-z0-9_-]{43}=?$/.test(v), {
      message: "expected 32 bytes, base64url-encoded",
    })
    .transform((v) => (v ? v : undefined)),
  SIGNING_KEYS_KEK_ID: z
    .string()
    .regex(/^[A-Za-z0-9._:-]{1,64}$/)
    .default("config-v1"),
  /** Access-token lifetime; the edge refuses anything above 15 minutes. */
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(5).max(900).default(600),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(30).default(30),
  /** How often the signing keys are re-read from the database (rotation by another process). */
  KEY_CACHE_TTL_MS: envVar.durationMs(30_000),
  /** argon2id cost (see docs/adr/0601): memory in KiB and passes. */
  PASSWORD_MEMORY_KIB: z.coerce.number().int().min(1024).max(1_048_576).default(19_456),
  PASSWORD_ITERATIONS: z.coerce.number().int().min(1).max(10).default(2),
  /** Password checks allowed to wait behind the running one; beyond, sign-ins get 503 busy (ADR 0606). */
  PASSWORD_QUEUE_MAX: z.coerce.number().int().min(1).max(10_000).default(16),
  /** How often due limit raises are applied and pushed to the ledger. */
  LIMIT_SWEEP_INTERVAL_MS: envVar.durationMs(60_000),
  OTEL_EXPORTER_OTLP_ENDPOINT: envVar.optionalUrl(),
  SHUTDOWN_TIMEOUT_MS: envVar.durationMs(10_000),
};

export type PlayerApiConfig = z.infer<z.ZodObject<typeof playerApiEnv>>;
