// Node entry helper: listen, then on SIGTERM/SIGINT stop accepting, let in-flight requests
// finish, close the service's connections (database, NATS) and exit 0 within a bound.
import type { Server } from "node:http";
import process from "node:process";
import { serve } from "@hono/node-server";
import type { Logger } from "../log.ts";

export interface ServeNodeOptions {
  fetch: (request: Request) => Response | Promise<Response>;
  port: number;
  hostname?: string;
  log: Logger;
  /** Called once the listener is closed and in-flight requests are done (close DB, NATS…). */
  onShutdown: () => Promise<void>;
  /** Called first, so readiness reports draining while requests finish. */
  onDrainStart?: () => void;
  /** Hard bound on the whole shutdown. */
  shutdownTimeoutMs?: number;
}

export function serveNode(options: ServeNodeOptions): { close: () => Promise<void> } {
  const server = serve({
    fetch: options.fetch,
    port: options.port,
    hostname: options.hostname ?? "0.0.0.0",
  }) as Server;
  server.keepAliveTimeout = 5_000;
  options.log.info({ port: options.port }, "listening");
  let closing: Promise<void> | undefined;

  const close = (): Promise<void> => {
    closing ??= (async () => {
      options.onDrainStart?.();
      const timeoutMs = options.shutdownTimeoutMs ?? 10_000;
      const force = setTimeout(() => {
        options.log.warn({ timeoutMs }, "shutdown bound reached; closing remaining connections");
        server.closeAllConnections();
      }, timeoutMs * 0.7);
      force.unref();
      // Keep-alive sockets turn idle as their last response completes; close them as soon as
      // they do, or close() would wait for their idle timeout.
      const reaper = setInterval(() => server.closeIdleConnections(), 50);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      clearInterval(reaper);
      clearTimeout(force);
      await options.onShutdown();
      options.log.info("stopped");
    })();
    return closing;
  };

  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      options.log.info({ signal }, "shutting down");
      const bound = setTimeout(() => {
        options.log.error("shutdown did not finish in time; exiting");
        process.exit(0);
      }, options.shutdownTimeoutMs ?? 10_000);
      bound.unref();
      close().then(
        () => process.exit(0),
        (error: unknown) => {
          options.log.error({ err: error }, "error during shutdown");
          process.exit(1);
        },
      );
    });
  }
  return { close };
}
