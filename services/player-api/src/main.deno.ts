import { loadEnvOrExit } from "@croupier/core/env";
import { serveDeno } from "@croupier/core/http/serve-deno";
import { playerApiEnv } from "./env.ts";
import { buildRuntime } from "./runtime.ts";

const config = loadEnvOrExit("player-api", playerApiEnv);
const runtime = await buildRuntime(config);
serveDeno({
  fetch: runtime.app.fetch,
  port: config.PORT,
  log: runtime.log,
  onDrainStart: runtime.markDraining,
  onShutdown: runtime.close,
  shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
});
