import { loadEnvOrExit } from "@croupier/core/env";
import { serveNode } from "@croupier/core/http/serve-node";
import { playerApiEnv } from "./env.ts";
import { buildRuntime } from "./runtime.ts";

const config = loadEnvOrExit("player-api", playerApiEnv);
const runtime = await buildRuntime(config);
serveNode({
  fetch: runtime.app.fetch,
  port: config.PORT,
  log: runtime.log,
  onDrainStart: runtime.markDraining,
  onShutdown: runtime.close,
  shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
});
