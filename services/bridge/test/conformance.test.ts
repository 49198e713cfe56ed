// The conformance suite (tests/conformance) against the real bridge and the real ledger, for
// both protocol adapters. The same scenarios run against any deployment with run.ts.
import { afterAll, beforeAll, describe, it } from "vitest";
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
