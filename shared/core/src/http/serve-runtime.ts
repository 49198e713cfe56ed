// What every service's entry point hands its server (serveNode or serveDeno): the app and its
// logger, the hooks that drain and close the service on SIGTERM, and the port and grace period
// from its configuration. One mapping, so the Node and Deno entries of every service agree.
import type { Logger } from "../log.ts";

export interface ServedRuntime {
  app: { fetch: (request: Request) => Response | Promise<Response> };
  log: Logger;
  markDraining: () => void;
  close: () => Promise<void>;
}

export interface ServingConfig {
  PORT: number;
  SHUTDOWN_TIMEOUT_MS: number;
}

export function serveOptions(runtime: ServedRuntime, config: ServingConfig) {
  return {
    fetch: runtime.app.fetch,
    port: config.PORT,
    log: runtime.log,
    onDrainStart: runtime.markDraining,
    onShutdown: runtime.close,
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
  };
}
