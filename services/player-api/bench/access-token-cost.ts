// Prints the cost of signing and of verifying one ES256 access token (what the origin's
// defense-in-depth check adds to each player request; docs/adr/0600).
// Run: npx node services/player-api/bench/access-token-cost.ts
import { exportJWK, generateKeyPair, type JWK } from "jose";
import type { KeyRing } from "../src/keys/key-ring.ts";
import { signAccessToken, verifyAccessToken } from "../src/sessions/access-token.ts";

const { publicKey, privateKey } = await generateKeyPair("ES256");
const jwk = (await exportJWK(publicKey)) as JWK;
const keys: KeyRing = {
  signer: async () => ({ kid: "bench", key: privateKey }),
  verificationKey: async (kid) => (kid === "bench" ? publicKey : null),
  jwks: async () => ({ keys: [{ ...jwk, kid: "bench", alg: "ES256", use: "sig" } as never] }),
};
const claims = {
  playerId: "ply_bench",
  sessionId: "ses_bench",
  jurisdiction: "eu",
  region: "eu",
  sessionEpoch: 0,
};
const rounds = 2_000;
const now = new Date();
let token = "";
let started = performance.now();
for (let i = 0; i < rounds; i += 1)
  token = (await signAccessToken(keys, claims, { now, ttlSeconds: 600 })).token;
const signUs = ((performance.now() - started) * 1000) / rounds;
started = performance.now();
for (let i = 0; i < rounds; i += 1) await verifyAccessToken(keys, token, now);
const verifyUs = ((performance.now() - started) * 1000) / rounds;
console.log(
  `ES256 access token: sign ${signUs.toFixed(0)} µs, verify ${verifyUs.toFixed(0)} µs (mean of ${rounds})`,
);
