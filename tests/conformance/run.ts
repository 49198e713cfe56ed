// The bridge's conformance suite against any deployment:
//   node tests/conformance/run.ts --url http://127.0.0.1:8083 --adapter hub88
// Options: --ledger-url, --provider <id>, --game <providerId:gameCode>, --provider-key <pem file>,
// --master-secret-file <file> (local platforms; derives the callers' secrets) or the env
// CONFORMANCE_PLAYER_API_SECRET / CONFORMANCE_CASHIER_SECRET, --filter <text>, --concurrency <n>.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import process from "node:process";
import { parseArgs } from "node:util";
import { dataRoot } from "@croupier/devstack/paths";
import { deriveSecret } from "@croupier/devstack/secrets";
import { conformanceContext } from "./context.ts";
import { runScenarios } from "./runner.ts";
import { scenariosFor } from "./scenarios/index.ts";

const { values } = parseArgs({
  options: {
    url: { type: "string", default: "http://127.0.0.1:8083" },
    adapter: { type: "string", default: "hub88" },
    "ledger-url": { type: "string", default: "http://127.0.0.1:8082" },
    provider: { type: "string" },
    game: { type: "string" },
    "provider-key": { type: "string", default: join(dataRoot, "bridge", "simulator-provider.key") },
    "master-secret-file": { type: "string", default: join(dataRoot, "secrets", "master.key") },
    filter: { type: "string" },
    concurrency: { type: "string", default: "4" },
  },
});

const adapter = values.adapter === "evolution" ? "evolution" : "hub88";
function secrets() {
  const playerApi = process.env.CONFORMANCE_PLAYER_API_SECRET;
  const cashier = process.env.CONFORMANCE_CASHIER_SECRET;
  if (playerApi && cashier) return { playerApi, cashier };
  const master = readFileSync(values["master-secret-file"], "utf8").trim();
  return {
    playerApi: deriveSecret(master, "service-token:player-api"),
    cashier: deriveSecret(master, "service-token:cashier"),
  };
}

const context = await conformanceContext({
  bridgeUrl: values.url.replace(/\/$/, ""),
  ledgerUrl: values["ledger-url"].replace(/\/$/, ""),
  adapter,
  providerId: values.provider,
  privateKeyPem: readFileSync(values["provider-key"], "utf8"),
  gameId: values.game ?? (adapter === "hub88" ? "simulator:sim_fruit_blast" : "simulator-live:blackjack"),
  secrets: secrets(),
});
const list = scenariosFor(adapter).filter((s) => !values.filter || s.name.includes(values.filter));
console.log(`conformance: ${list.length} scenario(s) against ${values.url} (${adapter})`);
const reports = await runScenarios(context, list, {
  concurrency: Number(values.concurrency),
  onResult: (r) =>
    console.log(
      `${r.ok ? "  ✓" : "  ✗"} ${r.name} (${r.ms.toFixed(0)} ms)${r.ok ? "" : `\n      ${r.error}`}`,
    ),
});
const failed = reports.filter((r) => !r.ok).length;
console.log(`\n${reports.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
