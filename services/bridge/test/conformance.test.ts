// The conformance suite (tests/conformance) against the real bridge and the real ledger, for
// both protocol adapters. The same scenarios run against any deployment with run.ts.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { conformanceContext } from "../../../tests/conformance/context.ts";
import { scenariosFor } from "../../../tests/conformance/scenarios/index.ts";
import type { ScenarioContext } from "../../../tests/conformance/scenarios/scenario.ts";
import { startRealPlatform, TEST_PROVIDERS } from "./real-platform.ts";

let platform: Awaited<ReturnType<typeof startRealPlatform>>;
const contexts: Partial<Record<"hub88" | "evolution", ScenarioContext>> = {};

beforeAll(async () => {
  platform = await startRealPlatform();
  for (const adapter of ["hub88", "evolution"] as const) {
    contexts[adapter] = await conformanceContext({
      bridgeUrl: platform.bridge.url,
      ledgerUrl: platform.ledger.url,
      adapter,
      privateKeyPem: platform.keys.privateKeyPem,
      gameId: `${TEST_PROVIDERS[adapter].id}:${TEST_PROVIDERS[adapter].gameCode}`,
      secrets: platform.secrets,
    });
  }
}, 120_000);

afterAll(async () => {
  if (process.env.BRIDGE_TEST_DEBUG) console.log(platform?.bridge.output.slice(-15).join("\n"));
  await platform?.stop();
});

for (const adapter of ["hub88", "evolution"] as const) {
  describe.concurrent(`conformance (${adapter})`, () => {
    for (const scenario of scenariosFor(adapter)) {
      it(scenario.name, async () => {
        await scenario.run(contexts[adapter] as ScenarioContext);
      });
    }
  });
}

describe("conformance CLI", () => {
  it("runs the scenarios against a deployment given by URL and exits 0 when they pass", async () => {
    const dir = mkdtempSync(join(tmpdir(), "conformance-cli-"));
    try {
      const keyFile = join(dir, "provider.key");
      writeFileSync(keyFile, platform.keys.privateKeyPem, { mode: 0o600 });
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [
          join(import.meta.dirname, "../../../tests/conformance/run.ts"),
          ...["--url", platform.bridge.url, "--ledger-url", platform.ledger.url, "--adapter", "hub88"],
          ...[
            "--provider",
            TEST_PROVIDERS.hub88.id,
            "--game",
            `${TEST_PROVIDERS.hub88.id}:${TEST_PROVIDERS.hub88.gameCode}`,
          ],
          ...["--provider-key", keyFile, "--filter", "transaction id:"],
        ],
        {
          env: {
            ...process.env,
            CONFORMANCE_PLAYER_API_SECRET: platform.secrets.playerApi,
            CONFORMANCE_CASHIER_SECRET: platform.secrets.cashier,
          },
        },
      );
      expect(stdout).toMatch(/\n(\d+) passed, 0 failed/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
