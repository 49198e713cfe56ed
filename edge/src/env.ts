import { type Region, regions } from "@croupier/jurisdictions";
import { z } from "zod";

const urlList = z
  .string()
  .transform((value) => value.split(/[\s,]+/).filter(Boolean))
  .pipe(z.array(z.url()).min(1));

const envSchema = z
  .object({
    ENVIRONMENT: z.enum(["development", "test", "staging", "production"]),
    ORIGIN_EU: z.url(),
    ORIGIN_UK: z.url(),
    ORIGIN_CA: z.url(),
    /** One JWKS URL per region's player-api, separated by commas or spaces. */
    JWKS_URL: urlList,
    JWT_ISSUER: z.string().min(1),
    JWT_AUDIENCE: z.string().min(1),
    WAF_PARANOIA_LEVEL: z.enum(["1", "2", "3", "4"]).transform((level) => Number(level) as 1 | 2 | 3 | 4),
    BOT_SCORE_MIN: z.coerce.number().int().min(1).max(99),
    TURNSTILE_REQUIRED: z.enum(["true", "false"]).transform((flag) => flag === "true"),
    EDGE_SIGNING_SECRET: z.string().min(32, "EDGE_SIGNING_SECRET must be at least 32 characters"),
    TURNSTILE_SECRET_KEY: z.string().optional(),
  })
  .superRefine((env, issues) => {
    const deployed = env.ENVIRONMENT === "staging" || env.ENVIRONMENT === "production";
    if (deployed && !env.TURNSTILE_REQUIRED) {
      issues.addIssue({
        code: "custom",
        path: ["TURNSTILE_REQUIRED"],
        message: "must be true when deployed",
      });
    }
    if (env.TURNSTILE_REQUIRED && !env.TURNSTILE_SECRET_KEY) {
      issues.addIssue({
        code: "custom",
        path: ["TURNSTILE_SECRET_KEY"],
        message: "required when Turnstile is on",
      });
    }
    for (const name of ["ORIGIN_EU", "ORIGIN_UK", "ORIGIN_CA"] as const) {
      if (deployed && !env[name].startsWith("https://")) {
        issues.addIssue({ code: "custom", path: [name], message: "origins must be https when deployed" });
      }
    }
  });

export type EdgeConfig = {
  environment: "development" | "test" | "staging" | "production";
  origins: Record<Region, string>;
  jwksUrls: string[];
  jwtIssuer: string;
  jwtAudience: string;
  wafParanoiaLevel: 1 | 2 | 3 | 4;
  botScoreMin: number;
  turnstileRequired: boolean;
  edgeSigningSecret: string;
  turnstileSecretKey: string | null;
};

export class EdgeConfigError extends Error {}

/** Reads the Worker's vars and secrets once per isolate; a misconfigured edge refuses to serve. */
export function parseEdgeEnv(env: Record<string, unknown>): EdgeConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new EdgeConfigError(`edge configuration invalid: ${problems.join("; ")}`);
  }
  const value = parsed.data;
  const origins = { eu: value.ORIGIN_EU, uk: value.ORIGIN_UK, ca: value.ORIGIN_CA } satisfies Record<
    Region,
    string
  >;
  for (const region of regions) origins[region] = origins[region].replace(/\/+$/, "");
  return {
    environment: value.ENVIRONMENT,
    origins,
    jwksUrls: value.JWKS_URL,
    jwtIssuer: value.JWT_ISSUER,
    jwtAudience: value.JWT_AUDIENCE,
    wafParanoiaLevel: value.WAF_PARANOIA_LEVEL,
    botScoreMin: value.BOT_SCORE_MIN,
    turnstileRequired: value.TURNSTILE_REQUIRED,
    edgeSigningSecret: value.EDGE_SIGNING_SECRET,
    turnstileSecretKey: value.TURNSTILE_SECRET_KEY ?? null,
  };
}
