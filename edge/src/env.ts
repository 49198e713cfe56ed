import { type Region, regions } from "@croupier/jurisdictions";

// Validated by hand rather than with zod: a dozen string vars do not justify ~600 KiB of bundle (zod's
// core and locales survive tree-shaking), which the edge would parse on every cold start. See ADR 0104.

export type EdgeConfig = {
  environment: "development" | "test" | "staging" | "production";
  origins: Record<Region, string>;
  /** One JWKS per region's player-api; keys are merged by kid. */
  jwksUrls: string[];
  jwtIssuer: string;
  jwtAudience: string;
  wafParanoiaLevel: 1 | 2 | 3 | 4;
  botScoreMin: number;
  /**
   * Generic HTTP client libraries (python-requests, Go, Java, Perl…) and requests without a User-Agent:
   * refused when deployed, allowed in local development so that developers' scripts and tools can call
   * the platform. Scanners, headless browsers and automation frameworks are refused everywhere.
   */
  scriptedClients: "refuse" | "allow";
  turnstileRequired: boolean;
  edgeSigningSecret: string;
  turnstileSecretKey: string | null;
  /** Exact origins of the web clients allowed to call the API from a browser. */
  corsAllowedOrigins: string[];
};

export class EdgeConfigError extends Error {}

const environments = ["development", "test", "staging", "production"] as const;

/** Reads the Worker's vars and secrets once per isolate; a misconfigured edge refuses to serve. */
export function parseEdgeEnv(env: Record<string, unknown>): EdgeConfig {
  const problems: string[] = [];
  const text = (name: string): string => {
    const value = env[name];
    if (typeof value === "string" && value.trim() !== "") return value.trim();
    problems.push(`${name}: required`);
    return "";
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[]): T => {
    const value = text(name);
    if (value && !(allowed as readonly string[]).includes(value))
      problems.push(`${name}: one of ${allowed.join(", ")}`);
    return value as T;
  };
  const url = (name: string, value: string): string => {
    if (value && !/^https?:\/\//.test(value)) problems.push(`${name}: not an http(s) URL: ${value}`);
    else if (value && !URL.canParse(value)) problems.push(`${name}: not a URL: ${value}`);
    return value.replace(/\/+$/, "");
  };

  const environment = oneOf("ENVIRONMENT", environments);
  const deployed = environment === "staging" || environment === "production";
  const origins = {} as Record<Region, string>;
  for (const region of regions) {
    const name = `ORIGIN_${region.toUpperCase()}`;
    origins[region] = url(name, text(name));
    if (deployed && origins[region] && !origins[region].startsWith("https://")) {
      problems.push(`${name}: origins must be https when deployed`);
    }
  }
  const jwksUrls = text("JWKS_URL")
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((value) => url("JWKS_URL", value));
  const paranoia = oneOf("WAF_PARANOIA_LEVEL", ["1", "2", "3", "4"]);
  const botScore = text("BOT_SCORE_MIN");
  if (botScore && !/^[1-9][0-9]?$/.test(botScore)) problems.push("BOT_SCORE_MIN: an integer 1–99");
  const scriptedClients = oneOf("BOT_SCRIPTED_CLIENTS", ["refuse", "allow"]);
  if (deployed && scriptedClients !== "refuse")
    problems.push("BOT_SCRIPTED_CLIENTS: must be refuse when deployed");
  const turnstileRequired = oneOf("TURNSTILE_REQUIRED", ["true", "false"]) === "true";
  if (deployed && !turnstileRequired) problems.push("TURNSTILE_REQUIRED: must be true when deployed");
  const turnstileSecretKey =
    typeof env.TURNSTILE_SECRET_KEY === "string" && env.TURNSTILE_SECRET_KEY
      ? env.TURNSTILE_SECRET_KEY
      : null;
  if (turnstileRequired && !turnstileSecretKey)
    problems.push("TURNSTILE_SECRET_KEY: required when Turnstile is on");
  const edgeSigningSecret = text("EDGE_SIGNING_SECRET");
  if (edgeSigningSecret && edgeSigningSecret.length < 32) {
    problems.push("EDGE_SIGNING_SECRET: must be at least 32 characters");
  }
  const corsAllowedOrigins = (typeof env.CORS_ALLOWED_ORIGINS === "string" ? env.CORS_ALLOWED_ORIGINS : "")
    .split(/[\s,]+/)
    .filter(Boolean);
  for (const origin of corsAllowedOrigins) {
    if (!URL.canParse(origin) || new URL(origin).origin !== origin) {
      problems.push(`CORS_ALLOWED_ORIGINS: not an origin: ${origin}`);
    } else if (deployed && !origin.startsWith("https://")) {
      problems.push(`CORS_ALLOWED_ORIGINS: must be https when deployed: ${origin}`);
    }
  }
  const config: EdgeConfig = {
    environment,
    origins,
    jwksUrls,
    jwtIssuer: text("JWT_ISSUER"),
    jwtAudience: text("JWT_AUDIENCE"),
    wafParanoiaLevel: Number(paranoia) as 1 | 2 | 3 | 4,
    botScoreMin: Number(botScore),
    scriptedClients,
    turnstileRequired,
    edgeSigningSecret,
    turnstileSecretKey,
    corsAllowedOrigins,
  };
  if (problems.length > 0) throw new EdgeConfigError(`edge configuration invalid: ${problems.join("; ")}`);
  return config;
}
