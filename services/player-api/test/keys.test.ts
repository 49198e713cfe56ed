// Signing-key rotation without downtime, and the rotate command.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { decodeProtectedHeader } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadKek } from "../src/keys/kek.ts";
import { createSigningKey } from "../src/keys/signing-keys.ts";
import {
  edgeClient,
  newPlayerInput,
  secretOf,
  startLedger,
  startPlayerApi,
  type TestPlayerApi,
} from "./support/platform.ts";

let ledger: Awaited<ReturnType<typeof startLedger>>;
let api: TestPlayerApi;
let send: ReturnType<typeof edgeClient>;

beforeAll(async () => {
  ledger = await startLedger();
  api = await startPlayerApi({ ledgerUrl: ledger.ledger.url, env: { ACCESS_TOKEN_TTL_SECONDS: "60" } });
  send = edgeClient(api.app, { now: api.deps.clock });
});

afterAll(async () => {
  await api?.stop();
  await ledger?.stop();
});

async function jwksKids(): Promise<string[]> {
  const body = (await (await api.app.request("/.well-known/jwks.json")).json()) as {
    keys: { kid: string }[];
  };
  return body.keys.map((k) => k.kid);
}

const kidOf = (token: string) => decodeProtectedHeader(token).kid as string;

function runRotate(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [fileURLToPath(new URL("../src/rotate-keys.ts", import.meta.url)), ...args],
      {
        env: {
          ...process.env,
          DATABASE_URL: api.databaseUrl,
          SERVICE_TOKEN_SECRET: secretOf("player-api"),
          ACCESS_TOKEN_TTL_SECONDS: "60",
        },
      },
    );
    let output = "";
    child.stdout.on("data", (d) => {
      output += d;
    });
    child.stderr.on("data", (d) => {
      output += d;
    });
    child.on("exit", (code) => resolve({ code, output }));
  });
}

describe("key rotation", () => {
  it("rotates and revokes keys with the command", async () => {
    const rotated = await runRotate(["--activate-in", "0"]);
    expect(rotated.code, rotated.output).toBe(0);
    const created = /created (\S+):/.exec(rotated.output)?.[1];
    expect(created).toBeTruthy();
    expect(await jwksKids()).toContain(created);

    const input = newPlayerInput();
    await send("POST", "/v1/auth/register", { body: input });
    const login = (await (
      await send("POST", "/v1/auth/login", { body: { email: input.email, password: input.password } })
    ).json()) as {
      accessToken: string;
    };
    expect(kidOf(login.accessToken)).toBe(created);

    const revoked = await runRotate(["--revoke", created as string]);
    expect(revoked.code, revoked.output).toBe(0);
    expect(await jwksKids()).not.toContain(created);
    expect((await send("GET", "/v1/limits", { token: login.accessToken })).status).toBe(401);
  });
  it("publishes the next key before it signs, and keeps the old one until its last token expired", async () => {
    const input = newPlayerInput();
    expect((await send("POST", "/v1/auth/register", { body: input })).status).toBe(201);
    const login = async () =>
      (await (
        await send("POST", "/v1/auth/login", { body: { email: input.email, password: input.password } })
      ).json()) as {
        accessToken: string;
      };
    const first = await login();
    const oldKid = kidOf(first.accessToken);

    const kek = await loadKek(api.deps.config);
    const nextKid = await createSigningKey(
      api.deps.database.sql,
      kek,
      new Date(api.deps.clock().getTime() + 10_000),
    );
    expect(await jwksKids()).toEqual(expect.arrayContaining([oldKid, nextKid]));
    expect(kidOf((await login()).accessToken)).toBe(oldKid);

    api.advance(11_000);
    const second = await login();
    expect(kidOf(second.accessToken)).toBe(nextKid);
    // The retired key still verifies the tokens it signed while they live.
    expect((await send("GET", "/v1/limits", { token: first.accessToken })).status).toBe(200);

    api.advance(60_000);
    // Expired: refused, although its key is still published for other tokens' sake.
    const expired = await send("GET", "/v1/limits", { token: first.accessToken });
    expect(expired.status).toBe(401);
    expect(expired.headers.get("www-authenticate")).toContain("invalid_token");
    expect(await jwksKids()).toContain(oldKid);

    // Published until 900 s (the longest lifetime any token may have had) + 60 s after its successor took over.
    api.advance(897_000);
    expect(await jwksKids()).toContain(oldKid);
    api.advance(3_000);
    expect(await jwksKids()).not.toContain(oldKid);
    expect(await jwksKids()).toContain(nextKid);
  });
});
