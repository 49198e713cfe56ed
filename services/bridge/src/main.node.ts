import { loadEnvOrExit } from "@croupier/core/env";
import { serveNode } from "@croupier/core/http/serve-node";
import { bridgeEnv } from "./env.ts";
import { buildRuntime } from "./runtime.ts";

const config = loadEnvOrExit("bridge", bridgeEnv);
const runtime = await buildRuntime(config);
serveNode({
  fetch: runtime.app.fetch,
  port: config.PORT,
  log: runtime.log,
  onDrainStart: runtime.markDraining,
  onShutdown: runtime.close,
  shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
});
