import { loadEnvOrExit } from "@croupier/core/env";
import { serveNode } from "@croupier/core/http/serve-node";
import { bridgeEnv } from "./env.ts";
import { undiciTransport } from "./ledger/undici-transport.ts";
import { buildRuntime } from "./runtime.ts";

const config = loadEnvOrExit("bridge", bridgeEnv);
const runtime = await buildRuntime(config, {
  ledgerTransport: undiciTransport({ connections: config.LEDGER_MAX_SOCKETS }),
});
serveNode({
  fetch: runtime.app.fetch,
  port: config.PORT,
  log: runtime.log,
  onDrainStart: runtime.markDraining,
  onShutdown: runtime.close,
  shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
});
