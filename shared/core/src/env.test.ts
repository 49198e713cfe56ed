import { describe, expect, it } from "vitest";
import { ConfigError, envVar, parseEnv } from "./env.ts";

const shape = {
  PORT: envVar.port(8080),
  DATABASE_URL: envVar.databaseUrl(),
  NATS_URL: envVar.natsUrl(),
  LOG_LEVEL: envVar.logLevel(),
};

describe("parseEnv", () => {
  it("applies defaults and coerces", () => {
    const env = parseEnv(shape, { DATABASE_URL: "postgres://u:p@h/db", NATS_URL: "nats://127.0.0.1:4222" });
    expect(env).toEqual({
      PORT: 8080,
      DATABASE_URL: "postgres://u:p@h/db",
      NATS_URL: "nats://127.0.0.1:4222",
      LOG_LEVEL: "info",
    });
  });

  it("names every bad variable and what it expects, without echoing secrets", () => {
    let error: unknown;
    try {
      parseEnv(shape, { PORT: "99999", DATABASE_URL: "mysql://root:hunter2@h/db", LOG_LEVEL: "loud" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/PORT: expected a TCP port between 1 and 65535 \(got "99999"\)/);
    expect(message).toMatch(/DATABASE_URL: expected a URL starting with postgres:\/\//);
    expect(message).toMatch(/NATS_URL: .*it is not set/);
    expect(message).toMatch(/LOG_LEVEL: expected one of/);
    expect(message).not.toContain("hunter2");
  });
});
