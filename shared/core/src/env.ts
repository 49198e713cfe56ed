import process from "node:process";
import { z } from "zod";

/**
 * Thrown when configuration is missing or malformed. The message names every offending
 * variable and what was expected, so the operator can fix all of them in one go.
 */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Parses configuration from environment variables once, at start. */
export function parseEnv<T extends z.ZodRawShape>(
  shape: T,
  source: Record<string, string | undefined> = process.env,
): z.infer<z.ZodObject<T>> {
  const result = z.object(shape).safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const variable = issue.path.join(".");
    const got = source[variable];
    const shown = got === undefined ? "it is not set" : `got ${JSON.stringify(redact(variable, got))}`;
    return `  ${variable}: ${issue.message} (${shown})`;
  });
  throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
}

/** Secrets must never reach a log, not even in an error about their format. */
function redact(variable: string, value: string): string {
  return /SECRET|PASSWORD|TOKEN|KEY|DATABASE_URL/.test(variable) ? "<redacted>" : value;
}

/** Parses configuration or stops the process with exit code 78 (EX_CONFIG) and a clear message. */
export function loadEnvOrExit<T extends z.ZodRawShape>(
  service: string,
  shape: T,
  source: Record<string, string | undefined> = process.env,
): z.infer<z.ZodObject<T>> {
  try {
    return parseEnv(shape, source);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`${service}: ${error.message}\nFix the variables above and start ${service} again.`);
      process.exit(78);
    }
    throw error;
  }
}

/** Reusable, well-described variable schemas. */
export const envVar = {
  port: (fallback: number) =>
    z.coerce
      .number({ error: "expected a TCP port number" })
      .int("expected an integer TCP port")
      .min(1, "expected a TCP port between 1 and 65535")
      .max(65535, "expected a TCP port between 1 and 65535")
      .default(fallback),
  url: (protocols: string[]) =>
    z
      .string({ error: `expected a URL (${protocols.join(", ")})` })
      .refine((v) => URL.canParse(v) && protocols.includes(new URL(v).protocol), {
        message: `expected a URL starting with ${protocols.map((p) => `${p}//`).join(" or ")}`,
      }),
  databaseUrl: () => envVar.url(["postgres:", "postgresql:"]),
  natsUrl: () =>
    z
      .string({ error: "expected a NATS URL such as nats://127.0.0.1:4222" })
      .refine(
        (v) => v.split(",").every((u) => URL.canParse(u) && /^(nats|tls|ws|wss):$/.test(new URL(u).protocol)),
        {
          message: "expected one or more comma-separated URLs such as nats://127.0.0.1:4222",
        },
      ),
  logLevel: () =>
    z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
        error: "expected one of fatal, error, warn, info, debug, trace, silent",
      })
      .default("info"),
  region: () =>
    z
      .string({ error: "expected a region code such as eu" })
      .regex(/^[a-z]{2,8}$/, "expected a lower-case region code such as eu, uk or ca")
      .default("eu"),
  secret: (minLength = 32) =>
    z
      .string({ error: `expected a secret of at least ${minLength} characters` })
      .min(minLength, `expected a secret of at least ${minLength} characters`),
  optionalUrl: () =>
    z
      .string()
      .optional()
      .refine((v) => v === undefined || v === "" || URL.canParse(v), { message: "expected a URL or nothing" })
      .transform((v) => (v ? v : undefined)),
  durationMs: (fallback: number) =>
    z.coerce
      .number({ error: "expected milliseconds" })
      .int()
      .positive("expected a positive number of milliseconds")
      .default(fallback),
};
