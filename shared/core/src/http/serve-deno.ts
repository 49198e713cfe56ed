// Deno entry helper, the counterpart of serve-node.ts.
import type { Logger } from "../log.ts";

interface DenoLike {
  serve(
    options: { port: number; hostname?: string; onListen?: () => void },
    handler: (request: Request) => Response | Promise<Response>,
  ): { shutdown(): Promise<void>; finished: Promise<void> };
  addSignalListener(signal: "SIGTERM" | "SIGINT", handler: () => void): void;
  exit(code: number): never;
}

export function serveDeno(options: {
  fetch: (request: Request) => Response | Promise<Response>;
  port: number;
  hostname?: string;
  log: Logger;
  onShutdown: () => Promise<void>;
  onDrainStart?: () => void;
  shutdownTimeoutMs?: number;
}): { close: () => Promise<void> } {
  const deno = (globalThis as unknown as { Deno: DenoLike }).Deno;
  const server = deno.serve({ port: options.port, hostname: options.hostname ?? "0.0.0.0" }, options.fetch);
  options.log.info({ port: options.port, runtime: "deno" }, "listening");
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      options.onDrainStart?.();
      await server.shutdown();
      await options.onShutdown();
    })();
    return closing;
  };
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    deno.addSignalListener(signal, () => {
      setTimeout(() => deno.exit(0), options.shutdownTimeoutMs ?? 10_000);
      close().then(
        () => deno.exit(0),
        () => deno.exit(1),
      );
    });
  }
  return { close };
}
