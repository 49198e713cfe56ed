import { describe, expect, it } from "vitest";
import {
  generateSigningKeyPair,
  importPrivateKeyPem,
  importPublicKeyPem,
  publicKeyPemOf,
  signBody,
  verifyBody,
} from "./rsa.ts";

const encoder = new TextEncoder();

describe("RSA-SHA256 body signatures", () => {
  it("verifies what it signs, over the exact raw bytes", async () => {
    const pair = await generateSigningKeyPair();
    const body = '{"user":"ply_1","amount":1}';
    const signature = await signBody(pair.privateKey, body);
    expect(await verifyBody(pair.publicKey, encoder.encode(body), signature)).toBe(true);
    expect(await verifyBody(pair.publicKey, encoder.encode(`${body} `), signature)).toBe(false);
  });

  it("round-trips keys through PEM and derives the public key from the private one", async () => {
    const pair = await generateSigningKeyPair();
    const privateKey = await importPrivateKeyPem(pair.privateKeyPem);
    const publicKey = await importPublicKeyPem(await publicKeyPemOf(pair.privateKeyPem));
    const signature = await signBody(privateKey, "abc");
    expect(await verifyBody(publicKey, encoder.encode("abc"), signature)).toBe(true);
  });

  it("refuses a private key where a provider's public key belongs", async () => {
    const pair = await generateSigningKeyPair();
    await expect(importPublicKeyPem(pair.privateKeyPem)).rejects.toThrow(/public key/);
    await expect(importPublicKeyPem("not a key")).rejects.toThrow();
  });

  it("treats a missing, malformed or foreign signature as invalid", async () => {
    const [a, b] = await Promise.all([generateSigningKeyPair(), generateSigningKeyPair()]);
    const body = encoder.encode("x");
    expect(await verifyBody(a.publicKey, body, undefined)).toBe(false);
    expect(await verifyBody(a.publicKey, body, "not base64 !!")).toBe(false);
    expect(await verifyBody(a.publicKey, body, "AAAA")).toBe(false);
    expect(await verifyBody(a.publicKey, body, await signBody(b.privateKey, "x"))).toBe(false);
  });
});
