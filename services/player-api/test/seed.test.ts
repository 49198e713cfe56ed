// The npm start seed: an idempotent demo administrator with a token derived from the service secret.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { secretOf, startPlayerApi, type TestPlayerApi } from "./support/platform.ts";

let api: TestPlayerApi;

beforeAll(async () => {
  // Nothing here reaches the ledger.
  api = await startPlayerApi({ ledgerUrl: "http://127.0.0.1:9" });
});

afterAll(async () => {
  await api?.stop();
});

function seed(): string {
  return execFileSync(process.execPath, [fileURLToPath(new URL("../src/seed.ts", import.meta.url))], {
    env: { ...process.env, DATABASE_URL: api.databaseUrl, SERVICE_TOKEN_SECRET: secretOf("player-api") },
    encoding: "utf8",
  });
}

describe("seed", () => {
  it("creates one demo administrator, whose printed token works, however often it runs", async () => {
    const first = /token \(role admin\): (\S+)/.exec(seed())?.[1];
    const second = /token \(role admin\): (\S+)/.exec(seed())?.[1];
    expect(first).toBeTruthy();
    expect(second).toBe(first);
    const [row] = await api.deps.database.sql<{ count: number }[]>`select count(*)::int as count from staff`;
    expect(row?.count).toBe(1);
    const audit = await api.app.request("/backoffice/v1/audit", {
      headers: { authorization: `Bearer ${first}` },
    });
    expect(audit.status).toBe(200);
  });
});
