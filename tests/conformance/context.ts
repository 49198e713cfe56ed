// Builds a scenario context for one adapter of one deployment.
import { generateProviderKeys } from "@croupier/provider-simulator/signing";
import type { Driver } from "./drivers/driver.ts";
import { evolutionDriver } from "./drivers/evolution.ts";
import { hub88Driver } from "./drivers/hub88.ts";
import { createPlatform } from "./platform.ts";
import type { ScenarioContext } from "./scenarios/scenario.ts";

export interface ConformanceTarget {
  bridgeUrl: string;
  ledgerUrl: string;
  adapter: "hub88" | "evolution";
  /** Provider id in the path; absent = the adapter's default provider. */
  providerId?: string;
  /** The provider's private key (PKCS#8 PEM), registered with the bridge. */
  privateKeyPem: string;
  /** `<providerId>:<gameCode>` of a game of that provider. */
  gameId: string;
  secrets: { playerApi: string; cashier: string };
  /** Check every answer's signature with the key the bridge publishes. */
  verifyResponses?: boolean;
}

export async function conformanceContext(target: ConformanceTarget): Promise<ScenarioContext> {
  const platform = createPlatform({
    bridgeUrl: target.bridgeUrl,
    ledgerUrl: target.ledgerUrl,
    secrets: target.secrets,
    gameId: target.gameId,
  });
  let operatorPublicKeyPem: string | undefined;
  if (target.verifyResponses !== false) {
    const response = await fetch(`${target.bridgeUrl}/providers/${target.adapter}/public-key`);
    if (response.ok) operatorPublicKeyPem = await response.text();
  }
  const options = {
    baseUrl: target.bridgeUrl,
    providerId: target.providerId,
    privateKeyPem: target.privateKeyPem,
    foreignPrivateKeyPem: (await generateProviderKeys()).privateKeyPem,
    operatorPublicKeyPem,
    gameCode: platform.gameCode,
  };
  const driver: Driver =
    target.adapter === "hub88" ? await hub88Driver(options) : await evolutionDriver(options);
  return { platform, driver };
}
