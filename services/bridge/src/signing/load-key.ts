// The operator signing key comes from the secret store (BRIDGE_SIGNING_KEY_PEM / _FILE); without
// one (local runs and tests) an ephemeral key is generated, whose public half providers can
// fetch from /providers/<adapter>/public-key.
import { readFileSync } from "node:fs";
import { generateSigningKeyPair } from "./rsa.ts";

export async function loadSigningKeyPem(config: {
  BRIDGE_SIGNING_KEY_PEM?: string;
  BRIDGE_SIGNING_KEY_FILE?: string;
}) {
  if (config.BRIDGE_SIGNING_KEY_PEM)
    return { pem: config.BRIDGE_SIGNING_KEY_PEM.replaceAll("\\n", "\n"), ephemeral: false };
  if (config.BRIDGE_SIGNING_KEY_FILE)
    return { pem: readFileSync(config.BRIDGE_SIGNING_KEY_FILE, "utf8"), ephemeral: false };
  return { pem: (await generateSigningKeyPair()).privateKeyPem, ephemeral: true };
}
