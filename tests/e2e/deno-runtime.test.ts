// The same player-api, started from its Deno entry against the test run's PostgreSQL: proof that the
// service is runtime-agnostic (Web-standard APIs, Hono, WebAssembly argon2id, postgres.js).
import { join } from "node:path";
import { repoRoot } from "@croupier/devstack/paths";
import { freePort, waitFor } from "@croupier/devstack/ports";
import { startProcess } from "@croupier/devstack/processes";
import { createTestDatabase } from "@croupier/devstack/test-harness";
import { signEdgeHeaders } from "@croupier/edge-auth";
import { afterAll, describe, expect, it } from "vitest";
import { edgeSigningSecret, secretOf } from "./support/stack.ts";

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe("player-api on Deno", () => {
  it("serves health, JWKS, OpenAPI and signed player routes", async () => {
    const db = await createTestDatabase("croupier_player");
    cleanups.push(db.drop);
    const port = await freePort();
    const output: string[] = [];
    const deno = startProcess(
      "player-api-deno",
      join(repoRoot, "node_modules/.bin/deno"),
      ["run", "--allow-all", "--no-check", join(repoRoot, "services/player-api/src/main.deno.ts")],
      {
        cwd: repoRoot,
        env: {
          ...process.env,
          PORT: String(port),
          DATABASE_URL: db.url,
          // No ledger is needed for what this smoke test touches.
          LEDGER_URL: "http://127.0.0.1:9",
          SERVICE_TOKEN_SECRET: secretOf("player-api"),
          EDGE_SIGNING_SECRET: edgeSigningSecret(),
          LOG_LEVEL: "warn",
        },
        onOutput: (line) => output.push(line),
      },
    );
    cleanups.push(() => deno.stop());
    const url = `http://127.0.0.1:${port}`;
    await waitFor("player-api on Deno", async () => (await fetch(`${url}/healthz/ready`)).ok, {
      timeoutMs: 60_000,
    }).catch((error) => {
      throw new Error(`${(error as Error).message}\n${output.slice(-20).join("\n")}`);
    });

    const jwks = (await (await fetch(`${url}/.well-known/jwks.json`)).json()) as { keys: { kty: string }[] };
    expect(jwks.keys[0]?.kty).toBe("EC");
    expect(((await (await fetch(`${url}/openapi.json`)).json()) as { openapi: string }).openapi).toBe(
      "3.1.0",
    );

    const unsigned = await fetch(`${url}/v1/games`);
    expect(unsigned.status).toBe(401);
    const target = `${url}/v1/auth/login`;
    const headers = await signEdgeHeaders({
      method: "POST",
      url: target,
      secret: edgeSigningSecret(),
      headers: { "content-type": "application/json", "x-request-id": "req_deno_smoke" },
    });
    const login = await fetch(target, {
      method: "POST",
      headers,
      body: JSON.stringify({ email: "nobody@example.com", password: "not a password" }),
    });
    expect(login.status).toBe(401);
    expect(await login.json()).toMatchObject({ code: "invalid_credentials" });
  });
});
