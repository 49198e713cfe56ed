import type { Logger } from "@croupier/core/log";
import { deriveKek, importKek, type KeyEncryptionKey } from "../crypto/envelope.ts";
import { fromBase64url } from "../crypto/tokens.ts";

/** The key-encryption key from configuration, or (development only) one derived from the service secret. */
export async function loadKek(
  config: { SIGNING_KEYS_KEK?: string; SIGNING_KEYS_KEK_ID: string; SERVICE_TOKEN_SECRET: string },
  log?: Logger,
): Promise<KeyEncryptionKey> {
  if (config.SIGNING_KEYS_KEK)
    return importKek(config.SIGNING_KEYS_KEK_ID, fromBase64url(config.SIGNING_KEYS_KEK));
  log?.warn(
    "SIGNING_KEYS_KEK is not set; deriving the signing-key KEK from SERVICE_TOKEN_SECRET (development only)",
  );
  return deriveKek(`derived:${config.SIGNING_KEYS_KEK_ID}`, config.SERVICE_TOKEN_SECRET);
}
