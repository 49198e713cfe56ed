// `npm start` seed: a demo back-office administrator whose token is derived from this machine's
// service secret, so it is the same on every start and printed for the developer. Local only:
// deployed environments create staff with create-staff.ts.
import { createHmac } from "node:crypto";
import { envVar, loadEnvOrExit } from "@croupier/core/env";
import { newId } from "@croupier/core/ids";
import { createDatabase } from "@croupier/db/client";
import { sha256 } from "./crypto/tokens.ts";

const env = loadEnvOrExit("player-api-seed", {
  DATABASE_URL: envVar.databaseUrl(),
  SERVICE_TOKEN_SECRET: envVar.secret(),
});
const token = `stk_${createHmac("sha256", env.SERVICE_TOKEN_SECRET).update("demo back-office admin").digest("base64url")}`;
const database = createDatabase({
  url: env.DATABASE_URL,
  maxConnections: 1,
  applicationName: "player-api-seed",
});
try {
  await database.sql`insert into staff (id, email, name, roles, token_hash)
    values (${newId("stf")}, 'admin@demo-operator.test', 'Demo administrator', string_to_array('admin', ','), ${await sha256(token)})
    on conflict (email) do nothing`;
  console.log(`player-api: demo back-office token (role admin): ${token}`);
} finally {
  await database.close();
}
