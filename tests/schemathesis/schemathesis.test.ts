// The schemathesis run against player-api's /openapi.json, with its real dependencies (PostgreSQL,
// ledger, bridge): no server error and no response that violates the documented schema.
import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { edgeSigningSecret, type Stack, startStack } from "../e2e/support/stack.ts";
import { type SigningProxy, startSigningProxy } from "./signing-proxy.ts";
import { ensureSchemathesis } from "./venv.ts";

let stack: Stack;
let proxy: SigningProxy;
let st: string;

beforeAll(async () => {
  st = ensureSchemathesis();
  stack = await startStack();
  proxy = await startSigningProxy({
    target: stack.playerApi.url,
    secret: edgeSigningSecret(),
    staffToken: await stack.createStaff(["admin"]),
  });
});

afterAll(async () => {
  await proxy?.close();
  await stack?.stop();
});

function schemathesis(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(st, args, {
      env: { ...process.env, NO_COLOR: "1", SCHEMATHESIS_TELEMETRY: "false" },
    });
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

describe("schemathesis", () => {
  it("finds no server error and no schema-violating response", async () => {
    const result = await schemathesis([
      "run",
      `${proxy.url}/openapi.json`,
      "--url",
      proxy.url,
      "--checks",
      "not_a_server_error,response_schema_conformance,status_code_conformance,content_type_conformance",
      "--phases",
      "examples,coverage,fuzzing",
      "--max-examples",
      process.env.SCHEMATHESIS_MAX_EXAMPLES ?? "25",
      // One worker: hypothesis' source inspection is not thread-safe on CPython 3.11.
      "--workers",
      "1",
      "--seed",
      "20261126",
      "--suppress-health-check",
      "all",
      "--request-timeout",
      "20",
    ]);
    if (result.code !== 0) console.log(result.output.slice(-20_000));
    expect(result.code, "schemathesis reported failures (output above)").toBe(0);
    expect(result.output).toMatch(/passed/i);
  }, 900_000);
});
