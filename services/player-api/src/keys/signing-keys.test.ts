import { describe, expect, it } from "vitest";
import { keyStates, type SigningKeyRecord } from "./signing-keys.ts";

const at = (s: number) => new Date(s * 1000);
const key = (kid: string, activates: number, revoked?: number): SigningKeyRecord => ({
  kid,
  publicJwk: {},
  sealed: {
    kekId: "k",
    wrappedDataKey: new Uint8Array(),
    iv: new Uint8Array(),
    ciphertext: new Uint8Array(),
  },
  createdAt: at(0),
  activatesAt: at(activates),
  revokedAt: revoked === undefined ? null : at(revoked),
});

describe("key states", () => {
  const keys = [key("a", 0), key("b", 100)];
  const retention = 50_000;

  it("publishes the next key before it signs", () => {
    expect(Object.fromEntries(keyStates(keys, at(50), retention))).toEqual({ a: "signing", b: "next" });
  });

  it("retires the old key when the next activates and drops it after the retention", () => {
    expect(Object.fromEntries(keyStates(keys, at(120), retention))).toEqual({ a: "retired", b: "signing" });
    expect(Object.fromEntries(keyStates(keys, at(150), retention))).toEqual({ a: "expired", b: "signing" });
  });

  it("withdraws a revoked key at once, and the previous key signs again", () => {
    expect(Object.fromEntries(keyStates([key("a", 0), key("b", 100, 120)], at(130), retention))).toEqual({
      a: "signing",
      b: "revoked",
    });
  });
});
