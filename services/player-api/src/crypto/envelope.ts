// Envelope encryption for secrets at rest: each secret gets its own random data key (AES-256-GCM),
// and only the data key is encrypted with the key-encryption key (KEK). Moving the KEK into a KMS
// later changes wrap/unwrap only (docs/adr/0602). The associated data binds a ciphertext to its
// row, so a ciphertext copied onto another row does not decrypt.

export interface KeyEncryptionKey {
  id: string;
  key: CryptoKey;
}

export interface SealedSecret {
  kekId: string;
  wrappedDataKey: Uint8Array<ArrayBuffer>;
  iv: Uint8Array<ArrayBuffer>;
  ciphertext: Uint8Array<ArrayBuffer>;
}

const encoder = new TextEncoder();

export async function importKek(id: string, raw: Uint8Array<ArrayBuffer>): Promise<KeyEncryptionKey> {
  if (raw.byteLength !== 32) throw new Error("the key-encryption key must be 32 bytes");
  const key = await crypto.subtle.importKey("raw", raw, "AES-GCM", false, ["encrypt", "decrypt"]);
  return { id, key };
}

/** Derives a development KEK from another secret (HKDF-SHA-256); never used when a KEK is configured. */
export async function deriveKek(id: string, secret: string): Promise<KeyEncryptionKey> {
  const base = await crypto.subtle.importKey("raw", encoder.encode(secret), "HKDF", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits(
    {
      name: "HKDF",
      hash: "SHA-256",
      salt: encoder.encode("croupier-player-api"),
      info: encoder.encode("signing-keys-kek"),
    },
    base,
    256,
  );
  return importKek(id, new Uint8Array(bits));
}

export async function seal(
  kek: KeyEncryptionKey,
  plaintext: Uint8Array<ArrayBuffer>,
  context: string,
): Promise<SealedSecret> {
  const aad = encoder.encode(context);
  const dataKeyRaw = crypto.getRandomValues(new Uint8Array(32));
  const dataKey = await crypto.subtle.importKey("raw", dataKeyRaw, "AES-GCM", false, ["encrypt"]);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ciphertext = new Uint8Array(
    await crypto.subtle.encrypt({ name: "AES-GCM", iv, additionalData: aad }, dataKey, plaintext),
  );
  const wrapIv = crypto.getRandomValues(new Uint8Array(12));
  const wrapped = new Uint8Array(
    await crypto.subtle.encrypt({ name: "AES-GCM", iv: wrapIv, additionalData: aad }, kek.key, dataKeyRaw),
  );
  dataKeyRaw.fill(0);
  const wrappedDataKey = new Uint8Array(wrapIv.byteLength + wrapped.byteLength);
  wrappedDataKey.set(wrapIv, 0);
  wrappedDataKey.set(wrapped, wrapIv.byteLength);
  return { kekId: kek.id, wrappedDataKey, iv, ciphertext };
}

export async function open(
  keks: Map<string, KeyEncryptionKey>,
  sealed: SealedSecret,
  context: string,
): Promise<Uint8Array> {
  const kek = keks.get(sealed.kekId);
  if (!kek) throw new Error(`no key-encryption key ${sealed.kekId} is configured`);
  const aad = encoder.encode(context);
  const wrapIv = sealed.wrappedDataKey.subarray(0, 12);
  const wrapped = sealed.wrappedDataKey.subarray(12);
  const dataKeyRaw = new Uint8Array(
    await crypto.subtle.decrypt({ name: "AES-GCM", iv: wrapIv, additionalData: aad }, kek.key, wrapped),
  );
  const dataKey = await crypto.subtle.importKey("raw", dataKeyRaw, "AES-GCM", false, ["decrypt"]);
  dataKeyRaw.fill(0);
  return new Uint8Array(
    await crypto.subtle.decrypt(
      { name: "AES-GCM", iv: sealed.iv, additionalData: aad },
      dataKey,
      sealed.ciphertext,
    ),
  );
}
