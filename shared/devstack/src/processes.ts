import { type ChildProcess, type SpawnOptions, spawn } from "node:child_process";

/** A child process started by the local platform, killed as a group when the platform stops. */
export interface ManagedProcess {
  name: string;
  child: ChildProcess;
  exited: Promise<number | null>;
  stop(timeoutMs?: number): Promise<void>;
}

const live = new Set<ManagedProcess>();

export function startProcess(
  name: string,
  command: string,
  args: string[],
  options: SpawnOptions & { onOutput?: (line: string) => void } = {},
): ManagedProcess {
  const { onOutput, ...spawnOptions } = options;
  // detached puts the child in its own process group so stop() can signal every descendant
  // (wrangler spawns workerd, npm spawns node) and nothing is left behind.
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], detached: true, ...spawnOptions });
  const exited = new Promise<number | null>((resolveExit) => {
    child.once("exit", (code) => resolveExit(code));
    child.once("error", () => resolveExit(-1));
  });
  const forward = (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n")) if (line.trim()) onOutput?.(line);
  };
  child.stdout?.on("data", forward);
  child.stderr?.on("data", forward);
  const managed: ManagedProcess = {
    name,
    child,
    exited,
    async stop(timeoutMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      signalGroup(child, "SIGTERM");
      const timer = setTimeout(() => signalGroup(child, "SIGKILL"), timeoutMs);
      await exited;
      clearTimeout(timer);
      // Descendants that ignored SIGTERM must not outlive their parent.
      signalGroup(child, "SIGKILL");
      live.delete(managed);
    },
  };
  live.add(managed);
  return managed;
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

/** Stops every process this module started, newest first. */
export async function stopAll(timeoutMs = 10_000): Promise<void> {
  const all = [...live].reverse();
  for (const proc of all) await proc.stop(timeoutMs);
}

/** Last-resort cleanup when the parent exits abruptly. */
process.once("exit", () => {
  for (const proc of live) signalGroup(proc.child, "SIGKILL");
});
