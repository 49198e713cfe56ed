// `npm start` runs this beside the bridge: a provider named "simulator" whose slot games play
// real signed rounds against the bridge. Its key pair is created by the bridge's seed under
// the git-ignored data folder.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import process from "node:process";
import { serve } from "@hono/node-server";
import { createHub88Client } from "./hub88-client.ts";
import { createSimulatorApp } from "./server.ts";
import { createTransactionLog } from "./transaction-log.ts";

const port = Number(process.env.SIMULATOR_PORT ?? 8090);
const bridgeUrl = (process.env.BRIDGE_URL ?? "http://127.0.0.1:8083").replace(/\/$/, "");
const providerId = process.env.SIMULATOR_PROVIDER_ID ?? "simulator";
const dataDir = process.env.CROUPIER_DATA_DIR ?? join(import.meta.dirname, "../../../.data");
const keyFile = process.env.SIMULATOR_KEY_FILE ?? join(dataDir, "bridge", "simulator-provider.key");

if (!existsSync(keyFile)) {
  console.error(`provider simulator: no key at ${keyFile}; run the bridge seed (npm start does) first`);
  process.exit(78);
}

const operatorPublicKey = async () => {
  const response = await fetch(`${bridgeUrl}/providers/hub88/public-key`);
  return response.ok ? await response.text() : undefined;
};
const client = await createHub88Client({
  baseUrl: `${bridgeUrl}/providers/hub88/${providerId}`,
  privateKeyPem: readFileSync(keyFile, "utf8"),
  operatorPublicKeyPem: await operatorPublicKey().catch(() => undefined),
});
const app = createSimulatorApp({
  client,
  log: createTransactionLog(),
  publicBaseUrl: `http://127.0.0.1:${port}`,
  operatorPublicKey,
  autoplayRounds: Number(process.env.SIMULATOR_AUTOPLAY_ROUNDS ?? 5),
  onRound: (summary) => console.log(JSON.stringify({ msg: "round played", ...summary })),
});
const server = serve({ fetch: app.fetch, port, hostname: "127.0.0.1" });
console.log(JSON.stringify({ msg: "provider simulator listening", port, providerId }));
const stop = () => server.close(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
