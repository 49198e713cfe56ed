// RSA-SHA256 (RSASSA-PKCS1-v1_5) signatures over raw bytes, base64-encoded, with Web Crypto only,
// so the same code runs on Node, Deno and Workers. This is how Hub88-style providers sign bodies.
const ALGORITHM = { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" } as const;
const encoder = new TextEncoder();

function pemToDer(pem: string, label: string): ArrayBuffer {
  const body = pem
    .replace(new RegExp(`-----BEGIN ${label}-----`), "")
    .replace(new RegExp(`-----END ${label}-----`), "")
    .replace(/\s+/g, "");
  const bytes = base64ToBytes(body);
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

function derToPem(der: ArrayBuffer, label: string): string {
  const base64 = bytesToBase64(new Uint8Array(der));
  const lines = base64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----\n`;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

export function base64ToBytes(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Imports an SPKI ("BEGIN PUBLIC KEY") PEM for verification. */
export function importPublicKeyPem(pem: string): Promise<CryptoKey> {
  return crypto.subtle.importKey("spki", pemToDer(pem, "PUBLIC KEY"), ALGORITHM, true, ["verify"]);
}

/** Imports a PKCS#8 ("BEGIN PRIVATE KEY") PEM for signing. */
export function importPrivateKeyPem(pem: string): Promise<CryptoKey> {
  return crypto.subtle.importKey("pkcs8", pemToDer(pem, "PRIVATE KEY"), ALGORITHM, true, ["sign"]);
}

export async function generateSigningKeyPair(modulusLength = 2048) {
  const pair = (await crypto.subtle.generateKey(
    { ...ALGORITHM, modulusLength, publicExponent: new Uint8Array([1, 0, 1]) },
    true,
    ["sign", "verify"],
  )) as CryptoKeyPair;
  return {
    privateKey: pair.privateKey,
    publicKey: pair.publicKey,
    privateKeyPem: derToPem(await crypto.subtle.exportKey("pkcs8", pair.privateKey), "PRIVATE KEY"),
    publicKeyPem: derToPem(await crypto.subtle.exportKey("spki", pair.publicKey), "PUBLIC KEY"),
  };
}

export async function publicKeyPemOf(privateKeyPem: string): Promise<string> {
  // Web Crypto cannot derive a public key from a private one directly; the JWK carries n and e.
  const key = await crypto.subtle.importKey(
    "pkcs8",
    pemToDer(privateKeyPem, "PRIVATE KEY"),
    ALGORITHM,
    true,
    ["sign"],
  );
  const jwk = await crypto.subtle.exportKey("jwk", key);
  const publicKey = await crypto.subtle.importKey(
    "jwk",
    { kty: jwk.kty, n: jwk.n, e: jwk.e, alg: "RS256", ext: true },
    ALGORITHM,
    true,
    ["verify"],
  );
  return derToPem(await crypto.subtle.exportKey("spki", publicKey), "PUBLIC KEY");
}

export async function signBody(key: CryptoKey, body: string | Uint8Array): Promise<string> {
  const bytes = typeof body === "string" ? encoder.encode(body) : body;
  return bytesToBase64(new Uint8Array(await crypto.subtle.sign(ALGORITHM, key, bytes as BufferSource)));
}

/** False for anything that is not a valid signature (including malformed base64). */
export async function verifyBody(
  key: CryptoKey,
  body: Uint8Array,
  signature: string | undefined | null,
): Promise<boolean> {
  if (!signature || signature.length > 2048 || !/^[A-Za-z0-9+/=\s]+$/.test(signature)) return false;
  try {
    return await crypto.subtle.verify(
      ALGORITHM,
      key,
      base64ToBytes(signature.replace(/\s+/g, "")) as BufferSource,
      body as BufferSource,
    );
  } catch {
    return false;
  }
}
