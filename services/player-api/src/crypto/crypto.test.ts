import { describe, expect, it } from "vitest";
import { importKek, open, seal } from "./envelope.ts";
import { passwordHasher } from "./password.ts";

describe("envelope encryption", () => {
  it("round-trips, and refuses another row's context or another KEK", async () => {
    const kek = await importKek("k1", crypto.getRandomValues(new Uint8Array(32)));
    const other = await importKek("k1", crypto.getRandomValues(new Uint8Array(32)));
    const secret = new TextEncoder().encode("private key");
    const sealed = await seal(kek, secret, "kid-1");
    expect(new TextDecoder().decode(await open(new Map([["k1", kek]]), sealed, "kid-1"))).toBe("private key");
    await expect(open(new Map([["k1", kek]]), sealed, "kid-2")).rejects.toThrow();
    await expect(open(new Map([["k1", other]]), sealed, "kid-1")).rejects.toThrow();
    await expect(open(new Map(), sealed, "kid-1")).rejects.toThrow(/no key-encryption key/);
  });
});

describe("password hashing", () => {
  it("hashes with argon2id and verifies only the right password", async () => {
    const hasher = passwordHasher({ memoryKiB: 1024, iterations: 1 });
    const hash = await hasher.hash("correct horse battery");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=1024,t=1,p=1\$/);
    expect(await hasher.verify("correct horse battery", hash)).toBe(true);
    expect(await hasher.verify("wrong horse battery", hash)).toBe(false);
    expect(await hasher.verify("anything", "not a hash")).toBe(false);
  });
});
