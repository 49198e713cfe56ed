// The in-memory view of the signing keys: which key signs now, which verify, what the JWKS shows.
// Re-read from the database every `cacheTtlMs`, so a rotation by the rotate command (another
// process) is picked up by every replica without a restart.

import { importJWK, type JWK } from "jose";
import type { Sql } from "postgres";
import { type KeyEncryptionKey, open } from "../crypto/envelope.ts";
import { keyStates, loadSigningKeys, type SigningKeyRecord } from "./signing-keys.ts";

export interface KeyRing {
  signer(): Promise<{ kid: string; key: CryptoKey }>;
  /** The public key for a kid that may still verify tokens (signing or retired), else null. */
  verificationKey(kid: string): Promise<CryptoKey | null>;
  jwks(): Promise<{ keys: Jwk[] }>;
}

export function createKeyRing(options: {
  sql: Sql;
  keks: Map<string, KeyEncryptionKey>;
  retentionMs: number;
  cacheTtlMs: number;
  now: () => Date;
}): KeyRing {
  let cached: { records: SigningKeyRecord[]; loadedAt: number } | undefined;
  let loading: Promise<SigningKeyRecord[]> | undefined;
  const privateKeys = new Map<string, CryptoKey>();
  const publicKeys = new Map<string, CryptoKey>();

  async function records(): Promise<SigningKeyRecord[]> {
    const at = options.now().getTime();
    if (cached && at - cached.loadedAt < options.cacheTtlMs) return cached.records;
    loading ??= loadSigningKeys(options.sql)
      .then((loaded) => {
        cached = { records: loaded, loadedAt: at };
        return loaded;
      })
      .finally(() => {
        loading = undefined;
      });
    return loading;
  }

  async function states() {
    const all = await records();
    return { all, states: keyStates(all, options.now(), options.retentionMs) };
  }

  return {
    async signer() {
      const { all, states: byKid } = await states();
      const current = all.find((k) => byKid.get(k.kid) === "signing");
      if (!current) throw new Error("no signing key is active; run the rotate command");
      let key = privateKeys.get(current.kid);
      if (!key) {
        const jwk = JSON.parse(
          new TextDecoder().decode(await open(options.keks, current.sealed, current.kid)),
        ) as JWK;
        key = (await importJWK(jwk, "ES256")) as CryptoKey;
        privateKeys.set(current.kid, key);
      }
      return { kid: current.kid, key };
    },
    async verificationKey(kid) {
      const { all, states: byKid } = await states();
      const state = byKid.get(kid);
      if (state !== "signing" && state !== "retired") return null;
      const record = all.find((k) => k.kid === kid);
      if (!record) return null;
      let key = publicKeys.get(kid);
      if (!key) {
        key = (await importJWK(record.publicJwk, "ES256")) as CryptoKey;
        publicKeys.set(kid, key);
      }
      return key;
    },
    async jwks(): Promise<{ keys: Jwk[] }> {
      const { all, states: byKid } = await states();
      const published = all.filter((k) => {
        const state = byKid.get(k.kid);
        return state === "next" || state === "signing" || state === "retired";
      });
      return {
        keys: published.map((k) => ({
          kty: String(k.publicJwk.kty),
          crv: String(k.publicJwk.crv),
          x: String(k.publicJwk.x),
          y: String(k.publicJwk.y),
          kid: k.kid,
          alg: "ES256",
          use: "sig",
        })),
      };
    },
  };
}

export interface Jwk {
  kty: string;
  crv: string;
  x: string;
  y: string;
  kid: string;
  alg: string;
  use: string;
}
