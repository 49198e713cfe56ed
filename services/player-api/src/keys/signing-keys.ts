// The signing keys of access tokens, stored in player-api's database with the private part sealed
// (envelope encryption). Rotation without downtime (docs/adr/0603):
//   - a new key is published in the JWKS from the moment it is created, and signs only from its
//     `activates_at`, so every edge has seen it before the first token it signs arrives;
//   - the key it replaces stops signing at that moment and stays published for `retentionSeconds`
//     (the longest access-token lifetime plus clock skew), until its last token has expired.

import { Buffer } from "node:buffer";
import { exportJWK, generateKeyPair, type JWK } from "jose";
import type { Sql } from "postgres";
import { type KeyEncryptionKey, type SealedSecret, seal } from "../crypto/envelope.ts";
import { base64url } from "../crypto/tokens.ts";
import { asDate, asDateOrNull } from "../db-time.ts";

export interface SigningKeyRecord {
  kid: string;
  publicJwk: JWK;
  sealed: SealedSecret;
  createdAt: Date;
  activatesAt: Date;
  revokedAt: Date | null;
}

export type KeyState = "next" | "signing" | "retired" | "expired" | "revoked";

/** Where each key stands at `now`; `retentionMs` is how long a replaced key stays published. */
export function keyStates(keys: SigningKeyRecord[], now: Date, retentionMs: number): Map<string, KeyState> {
  const live = keys
    .filter((k) => !k.revokedAt)
    .sort((a, b) => a.activatesAt.getTime() - b.activatesAt.getTime());
  const states = new Map<string, KeyState>();
  for (const key of keys) if (key.revokedAt) states.set(key.kid, "revoked");
  for (const [index, key] of live.entries()) {
    const successor = live.slice(index + 1).find((k) => k.activatesAt <= now);
    if (key.activatesAt > now) states.set(key.kid, "next");
    else if (!successor) states.set(key.kid, "signing");
    else {
      const retiredFor = now.getTime() - successor.activatesAt.getTime();
      states.set(key.kid, retiredFor < retentionMs ? "retired" : "expired");
    }
  }
  return states;
}

export async function loadSigningKeys(sql: Sql): Promise<SigningKeyRecord[]> {
  const rows = await sql<
    {
      kid: string;
      public_jwk: JWK;
      kek_id: string;
      wrapped_data_key: Uint8Array;
      private_key_iv: Uint8Array;
      private_key_ciphertext: Uint8Array;
      created_at: Date;
      activates_at: Date;
      revoked_at: Date | null;
    }[]
  >`select kid, public_jwk, kek_id, wrapped_data_key, private_key_iv, private_key_ciphertext,
           created_at, activates_at, revoked_at
      from signing_keys order by activates_at`;
  return rows.map((row) => ({
    kid: row.kid,
    publicJwk: row.public_jwk,
    sealed: {
      kekId: row.kek_id,
      wrappedDataKey: new Uint8Array(row.wrapped_data_key),
      iv: new Uint8Array(row.private_key_iv),
      ciphertext: new Uint8Array(row.private_key_ciphertext),
    },
    createdAt: asDate(row.created_at),
    activatesAt: asDate(row.activates_at),
    revokedAt: asDateOrNull(row.revoked_at),
  }));
}

/** Creates an ES256 key pair, seals the private half and stores it, to sign from `activatesAt`. */
export async function createSigningKey(sql: Sql, kek: KeyEncryptionKey, activatesAt: Date): Promise<string> {
  const { publicKey, privateKey } = await generateKeyPair("ES256", { extractable: true });
  const stamp = activatesAt.toISOString().slice(0, 10).replaceAll("-", "");
  const kid = `ply-${stamp}-${base64url(crypto.getRandomValues(new Uint8Array(6)))}`;
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: "ES256", use: "sig" };
  const privateJwk = new TextEncoder().encode(JSON.stringify(await exportJWK(privateKey)));
  const sealed = await seal(kek, privateJwk, kid);
  privateJwk.fill(0);
  await sql`insert into signing_keys
      (kid, public_jwk, kek_id, wrapped_data_key, private_key_iv, private_key_ciphertext, activates_at)
    values (${kid}, ${JSON.stringify(publicJwk)}::jsonb, ${sealed.kekId}, ${Buffer.from(sealed.wrappedDataKey)},
            ${Buffer.from(sealed.iv)}, ${Buffer.from(sealed.ciphertext)}, ${activatesAt.toISOString()})`;
  return kid;
}

/** A first key on an empty store, active at once; concurrent starters agree through a lock. */
export async function ensureSigningKey(sql: Sql, kek: KeyEncryptionKey, now: Date): Promise<void> {
  await sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(hashtext('player-api:signing-keys'))`;
    const [row] = await tx<{ count: number }[]>`
      select count(*)::int as count from signing_keys where revoked_at is null and activates_at <= ${now.toISOString()}`;
    if ((row?.count ?? 0) === 0) await createSigningKey(tx as unknown as Sql, kek, now);
  });
}
