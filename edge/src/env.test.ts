import { describe, expect, it } from "vitest";
import { EdgeConfigError, parseEdgeEnv } from "./env.ts";

const base = {
  ENVIRONMENT: "production",
  ORIGIN_EU: "https://eu.origin.example/",
  ORIGIN_UK: "https://uk.origin.example",
  ORIGIN_CA: "https://ca.origin.example",
  JWKS_URL:
    "https://eu.origin.example/.well-known/jwks.json, https://uk.origin.example/.well-known/jwks.json",
  JWT_ISSUER: "croupier-player-api",
  JWT_AUDIENCE: "croupier-edge",
  WAF_PARANOIA_LEVEL: "2",
  BOT_SCORE_MIN: "30",
  BOT_SCRIPTED_CLIENTS: "refuse",
  TURNSTILE_REQUIRED: "true",
  EDGE_SIGNING_SECRET: "s".repeat(32),
  TURNSTILE_SECRET_KEY: "0x4AAA",
};

describe("parseEdgeEnv", () => {
  it("parses a production configuration", () => {
    const config = parseEdgeEnv(base);
    expect(config.origins.eu).toBe("https://eu.origin.example");
    expect(config.jwksUrls).toHaveLength(2);
    expect(config.wafParanoiaLevel).toBe(2);
    expect(config.turnstileRequired).toBe(true);
  });

  it.each([
    [{ TURNSTILE_REQUIRED: "false" }, /TURNSTILE_REQUIRED/],
    [{ BOT_SCRIPTED_CLIENTS: "allow" }, /BOT_SCRIPTED_CLIENTS/],
    [{ BOT_SCRIPTED_CLIENTS: "maybe" }, /BOT_SCRIPTED_CLIENTS/],
    [{ TURNSTILE_SECRET_KEY: undefined }, /TURNSTILE_SECRET_KEY/],
    [{ ORIGIN_UK: "http://uk.origin.example" }, /ORIGIN_UK/],
    [{ EDGE_SIGNING_SECRET: "short" }, /EDGE_SIGNING_SECRET/],
    [{ WAF_PARANOIA_LEVEL: "5" }, /WAF_PARANOIA_LEVEL/],
    [{ ORIGIN_CA: undefined }, /ORIGIN_CA/],
  ])("refuses %j", (override, message) => {
    expect(() => parseEdgeEnv({ ...base, ...override })).toThrow(EdgeConfigError);
    expect(() => parseEdgeEnv({ ...base, ...override })).toThrow(message);
  });

  it("lets local development run plain http without Turnstile, and scripts call it", () => {
    const config = parseEdgeEnv({
      ...base,
      ENVIRONMENT: "development",
      ORIGIN_EU: "http://127.0.0.1:8101",
      TURNSTILE_REQUIRED: "false",
      TURNSTILE_SECRET_KEY: undefined,
      BOT_SCRIPTED_CLIENTS: "allow",
    });
    expect(config.scriptedClients).toBe("allow");
    expect(config.turnstileRequired).toBe(false);
    expect(config.turnstileSecretKey).toBeNull();
  });
});
