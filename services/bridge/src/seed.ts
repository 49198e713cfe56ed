// `npm start` seed: the demo provider "simulator" (Hub88-style) and "simulator-live"
// (Evolution-style) with their games. The simulator's key pair is generated once under the
// git-ignored data folder; only its public half goes into the registry.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { envVar, loadEnvOrExit } from "@croupier/core/env";
import { createDatabase } from "@croupier/db/client";
import { dataRoot } from "@croupier/devstack/paths";
import { z } from "zod";
import {
  SIMULATOR_GAMES,
  SIMULATOR_LIVE_GAMES,
  SIMULATOR_LIVE_STAKE_LIMITS,
  SIMULATOR_STAKE_LIMITS,
  upsertProvider,
} from "./db/seed-data.ts";
import { generateSigningKeyPair, publicKeyPemOf } from "./signing/rsa.ts";

const env = loadEnvOrExit("bridge-seed", {
  DATABASE_URL: envVar.databaseUrl(),
  SIMULATOR_PORT: z.coerce.number().int().default(8090),
});
const keyDir = join(dataRoot, "bridge");
const keyFile = join(keyDir, "simulator-provider.key");
if (!existsSync(keyFile)) {
  mkdirSync(keyDir, { recursive: true });
  writeFileSync(keyFile, (await generateSigningKeyPair()).privateKeyPem, { mode: 0o600 });
}
const publicKeyPem = await publicKeyPemOf(readFileSync(keyFile, "utf8"));
const simulatorUrl = `http://127.0.0.1:${env.SIMULATOR_PORT}`;
const database = createDatabase({ url: env.DATABASE_URL, maxConnections: 1, applicationName: "bridge-seed" });
try {
  await upsertProvider(database.sql, {
    id: "simulator",
    adapter: "hub88",
    name: "Croupier provider simulator",
    publicKeyPem,
    launchUrl: `${simulatorUrl}/game/url`,
    reportsUrl: `${simulatorUrl}/transactions/report`,
    currencies: ["EUR", "GBP", "CAD", "USD"],
    isDefault: true,
    stakeLimits: SIMULATOR_STAKE_LIMITS,
    games: SIMULATOR_GAMES,
  });
  await upsertProvider(database.sql, {
    id: "simulator-live",
    adapter: "evolution",
    name: "Croupier live-casino simulator",
    publicKeyPem,
    currencies: ["EUR", "GBP", "CAD", "USD"],
    isDefault: true,
    stakeLimits: SIMULATOR_LIVE_STAKE_LIMITS,
    games: SIMULATOR_LIVE_GAMES,
  });
  console.log(`bridge seed: providers simulator, simulator-live; key ${keyFile}`);
} finally {
  await database.close();
}
