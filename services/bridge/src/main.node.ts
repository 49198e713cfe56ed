import { loadEnvOrExit } from "@croupier/core/env";
import { serveNode } from "@croupier/core/http/serve-node";
import { serveOptions } from "@croupier/core/http/serve-runtime";
import { bridgeEnv } from "./env.ts";
import { undiciTransport } from "./ledger/undici-transport.ts";
import { buildRuntime } from "./runtime.ts";

const config = loadEnvOrExit("bridge", bridgeEnv);
const runtime = await buildRuntime(config, {
  ledgerTransport: undiciTransport({ connections: config.LEDGER_MAX_SOCKETS }),
});
serveNode(serveOptions(runtime, config));
