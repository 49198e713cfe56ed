// Runs nats-server with JetStream. The binary comes from, in order: the project's .tools/bin
// (built by `npm run tools:install` with Go), or a nats-server already on PATH.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { toolsBin } from "./paths.ts";
import { isPortOpen, waitFor } from "./ports.ts";
import { startProcess } from "./processes.ts";

export interface NatsServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export function findNatsServer(): string | undefined {
  const local = join(toolsBin, "nats-server");
  if (existsSync(local)) return local;
  const which = spawnSync("which", ["nats-server"], { encoding: "utf8" });
  return which.status === 0 ? which.stdout.trim() : undefined;
}

/** Finds nats-server, building the pinned version with Go when it is nowhere to be found. */
export function ensureNatsServer(): string {
  const found = findNatsServer();
  if (found) return found;
  const hasGo = spawnSync("go", ["version"], { stdio: "ignore" }).status === 0;
  if (!hasGo) {
    throw new Error(
      "nats-server was not found in .tools/bin or on PATH, and Go is not installed to build it.\n" +
        "Either install Go (https://go.dev/dl/) and run `npm run tools:install`, install nats-server " +
        "(https://github.com/nats-io/nats-server/releases) onto your PATH, or set NATS_URL to an external server.",
    );
  }
  const install = spawnSync(
    process.execPath,
    [join(toolsBin, "../../scripts/tools/install.ts"), "nats-server"],
    {
      stdio: "inherit",
    },
  );
  if (install.status !== 0) throw new Error("Building nats-server failed; see the output above.");
  const built = findNatsServer();
  if (!built) throw new Error("nats-server was built but not found in .tools/bin.");
  return built;
}

export interface StartNatsOptions {
  port: number;
  storeDir: string;
  serverName?: string;
  onLog?: (line: string) => void;
}

export async function startNats(options: StartNatsOptions): Promise<NatsServer> {
  const binary = ensureNatsServer();
  mkdirSync(options.storeDir, { recursive: true });
  if (await isPortOpen(options.port)) {
    throw new Error(
      `Port ${options.port} is already in use, so nats-server cannot start there. Set NATS_PORT to another port.`,
    );
  }
  const args = [
    "--jetstream",
    "--store_dir",
    options.storeDir,
    "--addr",
    "127.0.0.1",
    "--port",
    String(options.port),
    "--server_name",
    options.serverName ?? "croupier-local",
  ];
  let lastLines: string[] = [];
  const proc = startProcess("nats", binary, args, {
    onOutput: (line) => {
      lastLines = [...lastLines.slice(-20), line];
      options.onLog?.(line);
    },
  });
  const failed = proc.exited.then((code) => {
    throw new Error(`nats-server exited with code ${code}:\n${lastLines.join("\n")}`);
  });
  await Promise.race([waitFor("nats-server", () => isPortOpen(options.port), { timeoutMs: 30_000 }), failed]);
  failed.catch(() => undefined);
  return { url: `nats://127.0.0.1:${options.port}`, port: options.port, stop: () => proc.stop(10_000) };
}
