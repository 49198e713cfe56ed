import { exportJWK, generateKeyPair } from "jose";
import { describe, expect, it } from "vitest";
import { JwksCache, JwksUnavailableError } from "./jwks-cache.ts";

async function ecJwk(kid: string, extra: Record<string, unknown> = {}) {
  const { publicKey, privateKey } = await generateKeyPair("ES256", { extractable: true });
  return {
    public: { ...(await exportJWK(publicKey)), kid, ...extra },
    private: { ...(await exportJWK(privateKey)), kid },
  };
}

describe("JwksCache", () => {
  it("merges the sets of every region and imports only ES256 signing keys", async () => {
    const eu = await ecJwk("eu-1");
    const uk = await ecJwk("uk-1", { alg: "ES256", use: "sig" });
    const encryption = await ecJwk("enc-1", { use: "enc" });
    const es384 = await ecJwk("es384", { alg: "ES384" });
    const sets: Record<string, unknown> = {
      "https://eu/jwks": { keys: [eu.public, encryption.public, { kty: "oct", k: "c2VjcmV0", kid: "hmac" }] },
      "https://uk/jwks": { keys: [uk.public, es384.public, { kty: "RSA", kid: "rsa", n: "x", e: "AQAB" }] },
    };
    const cache = new JwksCache({
      urls: Object.keys(sets),
      now: () => 0,
      fetchJwks: async (url) => Response.json(sets[url]),
    });
    expect(await cache.getKey("eu-1")).not.toBeNull();
    expect(await cache.getKey("uk-1")).not.toBeNull();
    for (const kid of ["enc-1", "es384", "hmac", "rsa"]) expect(await cache.getKey(kid)).toBeNull();
  });

  it("imports the public half even when a private key is published by mistake", async () => {
    const leaked = await ecJwk("leaky");
    const cache = new JwksCache({
      urls: ["https://eu/jwks"],
      now: () => 0,
      fetchJwks: async () => Response.json({ keys: [leaked.private] }),
    });
    const key = await cache.getKey("leaky");
    expect(key?.type).toBe("public");
  });

  it("keeps serving known keys when every origin is down, and fails only with nothing known", async () => {
    let now = 0;
    let up = true;
    const key = await ecJwk("k1");
    const cache = new JwksCache({
      urls: ["https://eu/jwks"],
      now: () => now,
      fetchJwks: async () => (up ? Response.json({ keys: [key.public] }) : new Response("", { status: 503 })),
    });
    expect(await cache.getKey("k1")).not.toBeNull();
    up = false;
    now += 11 * 60_000;
    expect(await cache.getKey("k1")).not.toBeNull();

    const empty = new JwksCache({
      urls: ["https://eu/jwks"],
      now: () => 0,
      fetchJwks: async () => new Response("", { status: 503 }),
    });
    await expect(empty.getKey("k1")).rejects.toBeInstanceOf(JwksUnavailableError);
  });
});
