// The provider's side of Hub88-style signing: RSA-SHA256 (PKCS#1 v1.5) over the raw body,
// base64, with Web Crypto only.
const ALGORITHM = { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" } as const;
const encoder = new TextEncoder();

function der(pem: string): ArrayBuffer {
  const base64 = pem.replace(/-----(BEGIN|END) [A-Z ]+-----/g, "").replace(/\s+/g, "");
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
}

function pem(buffer: ArrayBuffer, label: string): string {
  const bytes = new Uint8Array(buffer);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  const lines = btoa(binary).match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----\n`;
}

export async function generateProviderKeys() {
  const pair = (await crypto.subtle.generateKey(
    { ...ALGORITHM, modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) },
    true,
    ["sign", "verify"],
  )) as CryptoKeyPair;
  return {
    privateKeyPem: pem(await crypto.subtle.exportKey("pkcs8", pair.privateKey), "PRIVATE KEY"),
    publicKeyPem: pem(await crypto.subtle.exportKey("spki", pair.publicKey), "PUBLIC KEY"),
  };
}

export function importSigningKey(privateKeyPem: string): Promise<CryptoKey> {
  return crypto.subtle.importKey("pkcs8", der(privateKeyPem), ALGORITHM, false, ["sign"]);
}

export function importVerifyKey(publicKeyPem: string): Promise<CryptoKey> {
  return crypto.subtle.importKey("spki", der(publicKeyPem), ALGORITHM, false, ["verify"]);
}

export async function sign(key: CryptoKey, body: string): Promise<string> {
  const signature = new Uint8Array(await crypto.subtle.sign(ALGORITHM, key, encoder.encode(body)));
  let binary = "";
  for (const byte of signature) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export async function verify(key: CryptoKey, body: string, signature: string | null): Promise<boolean> {
  if (!signature) return false;
  try {
    const binary = atob(signature);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return await crypto.subtle.verify(ALGORITHM, key, bytes, encoder.encode(body));
  } catch {
    return false;
  }
}
