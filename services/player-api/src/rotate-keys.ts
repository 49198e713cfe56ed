// Rotates the access-token signing key without downtime (docs/adr/0603):
//   node services/player-api/src/rotate-keys.ts [--activate-in 900]   create the next key
//   node services/player-api/src/rotate-keys.ts --list                show every key and its state
//   node services/player-api/src/rotate-keys.ts --revoke <kid>        withdraw a compromised key now
// The next key is published at once and signs only after --activate-in seconds, which must exceed
// the edge's JWKS cache lifetime (10 minutes); the replaced key stays published until its last
// token has expired.
import { parseArgs } from "node:util";
import { envVar, loadEnvOrExit } from "@croupier/core/env";
import { createDatabase } from "@croupier/db/client";
import { playerApiEnv } from "./env.ts";
import { loadKek } from "./keys/kek.ts";
import { createSigningKey, keyStates, loadSigningKeys } from "./keys/signing-keys.ts";
import { keyRetentionMs } from "./runtime.ts";

const { values } = parseArgs({
  options: {
    "activate-in": { type: "string", default: "900" },
    list: { type: "boolean", default: false },
    revoke: { type: "string" },
  },
});
const config = loadEnvOrExit("player-api-rotate-keys", {
  DATABASE_URL: envVar.databaseUrl(),
  SIGNING_KEYS_KEK: playerApiEnv.SIGNING_KEYS_KEK,
  SIGNING_KEYS_KEK_ID: playerApiEnv.SIGNING_KEYS_KEK_ID,
  // Only needed to derive the development KEK when SIGNING_KEYS_KEK is not set.
  SERVICE_TOKEN_SECRET: envVar.secret().optional(),
  ACCESS_TOKEN_TTL_SECONDS: playerApiEnv.ACCESS_TOKEN_TTL_SECONDS,
});
const database = createDatabase({
  url: config.DATABASE_URL,
  maxConnections: 1,
  applicationName: "player-api-rotate-keys",
});
try {
  const now = new Date();
  if (values.revoke) {
    const rows =
      await database.sql`update signing_keys set revoked_at = now() where kid = ${values.revoke} and revoked_at is null returning kid`;
    console.log(
      rows.length
        ? `revoked ${values.revoke}; tokens it signed are refused from now on`
        : `no live key ${values.revoke}`,
    );
  } else if (!values.list) {
    const activateIn = Number(values["activate-in"]);
    if (!Number.isInteger(activateIn) || activateIn < 0)
      throw new Error("--activate-in takes whole seconds ≥ 0");
    if (!config.SIGNING_KEYS_KEK && !config.SERVICE_TOKEN_SECRET) throw new Error("set SIGNING_KEYS_KEK");
    const kek = await loadKek({ ...config, SERVICE_TOKEN_SECRET: config.SERVICE_TOKEN_SECRET ?? "" });
    const activatesAt = new Date(now.getTime() + activateIn * 1000);
    const kid = await createSigningKey(database.sql, kek, activatesAt);
    const retiredUntil = new Date(activatesAt.getTime() + keyRetentionMs(config));
    console.log(`created ${kid}: published now, signs from ${activatesAt.toISOString()};`);
    console.log(`the key it replaces stays in the JWKS until ${retiredUntil.toISOString()}`);
  }
  const keys = await loadSigningKeys(database.sql);
  const states = keyStates(keys, new Date(), keyRetentionMs(config));
  for (const key of keys)
    console.log(`${key.kid}\t${states.get(key.kid)}\tactivates ${key.activatesAt.toISOString()}`);
} finally {
  await database.close();
}
