// Resolves the calling provider and verifies its signature with the provider's registered key.

import type { BridgeStore, ProviderRecord } from "../domain/store-port.ts";
import { importPublicKeyPem, type SigningKey, verifyBody } from "../signing/rsa.ts";

export type ProviderCheck =
  | { ok: true; provider: ProviderRecord }
  | { ok: false; reason: "invalid_partner" | "invalid_signature" };

export function createProviderAuth(store: BridgeStore) {
  const keys = new Map<string, Promise<SigningKey>>();
  const keyOf = (provider: ProviderRecord) => {
    const cacheKey = `${provider.id}\u0000${provider.publicKeyPem}`;
    let key = keys.get(cacheKey);
    if (!key) {
      key = importPublicKeyPem(provider.publicKeyPem);
      key.catch(() => keys.delete(cacheKey));
      keys.set(cacheKey, key);
    }
    return key;
  };
  return {
    async resolve(adapter: string, providerId: string | undefined): Promise<ProviderRecord | undefined> {
      const provider = providerId
        ? await store.findProvider(providerId)
        : await store.defaultProvider(adapter);
      return provider?.enabled && provider.adapter === adapter ? provider : undefined;
    },
    async verify(
      provider: ProviderRecord,
      body: Uint8Array,
      signature: string | undefined,
    ): Promise<boolean> {
      try {
        return await verifyBody(await keyOf(provider), body, signature);
      } catch {
        return false;
      }
    },
  };
}

export type ProviderAuth = ReturnType<typeof createProviderAuth>;
