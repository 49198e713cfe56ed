import { envVar } from "@croupier/core/env";
import { parseCallers } from "@croupier/core/service-auth";
import { z } from "zod";

/** Every setting of the bridge, parsed once at start (see loadEnvOrExit). */
export const bridgeEnv = {
  PORT: envVar.port(8083),
  REGION: envVar.region(),
  LOG_LEVEL: envVar.logLevel(),
  DATABASE_URL: envVar.databaseUrl(),
  NATS_URL: envVar.natsUrl(),
  LEDGER_URL: envVar.url(["http:", "https:"]).default("http://127.0.0.1:8082"),
  SERVICE_NAME: z.string().default("bridge"),
  SERVICE_TOKEN_SECRET: envVar.secret(),
  SERVICE_CALLERS: z
    .string()
    .default("")
    .transform((value, ctx) => {
      try {
        return parseCallers(value);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message });
        return z.NEVER;
      }
    }),
  /** PKCS#8 PEM of the operator key that signs our responses to providers (inline or a file path). */
  BRIDGE_SIGNING_KEY_PEM: z.string().optional(),
  BRIDGE_SIGNING_KEY_FILE: z.string().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
  /** Hot-path statements of one kind in flight at once; callbacks arriving meanwhile share the next (ADR 0506). */
  DATABASE_BATCHES_IN_FLIGHT: z.coerce.number().int().min(1).max(16).default(2),
  LEDGER_TIMEOUT_MS: envVar.durationMs(5_000),
  LEDGER_MAX_SOCKETS: z.coerce.number().int().min(1).max(1024).default(64),
  PROVIDER_MAX_BODY_BYTES: z.coerce.number().int().min(256).max(1_048_576).default(16_384),
  SESSION_TTL_MS: envVar.durationMs(4 * 3600_000),
  ROUND_TIMEOUT_MS: envVar.durationMs(30 * 60_000),
  ROUND_SWEEP_INTERVAL_MS: envVar.durationMs(1_000),
  RECONCILIATION_INTERVAL_MS: envVar.durationMs(15 * 60_000),
  PUBLIC_LAUNCH_BASE_URL: envVar.optionalUrl(),
  OTEL_EXPORTER_OTLP_ENDPOINT: envVar.optionalUrl(),
  SHUTDOWN_TIMEOUT_MS: envVar.durationMs(10_000),
};

export type BridgeConfig = z.infer<z.ZodObject<typeof bridgeEnv>>;
