// CPU time of the processes a benchmark drives (Linux /proc), so a run can say where the CPU
// went per request: the bridge, the ledger, PostgreSQL (postmaster and its backends), NATS.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const TICKS_PER_SECOND = 100;

function statOf(pid: number): { ppid: number; cpuTicks: number } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may contain spaces) start after the last ")".
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    return { ppid: Number(fields[1]), cpuTicks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return undefined;
  }
}

function processTable(): Map<number, { ppid: number; cpuTicks: number }> {
  const table = new Map<number, { ppid: number; cpuTicks: number }>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = statOf(Number(entry));
    if (stat) table.set(Number(entry), stat);
  }
  return table;
}

/** Seconds of CPU used so far by each named process and all its descendants. */
export function processCpu(roots: Record<string, number | undefined>): () => Record<string, number> {
  return () => {
    if (!existsSync("/proc/self/stat")) return {};
    const table = processTable();
    const out: Record<string, number> = {};
    for (const [name, root] of Object.entries(roots)) {
      if (root === undefined) continue;
      let ticks = 0;
      const pending = [root];
      while (pending.length > 0) {
        const pid = pending.pop() as number;
        ticks += table.get(pid)?.cpuTicks ?? 0;
        for (const [child, stat] of table) if (stat.ppid === pid) pending.push(child);
      }
      out[name] = ticks / TICKS_PER_SECOND;
    }
    return out;
  };
}

/** The postmaster's pid of a data directory, if it runs. */
export function postmasterPid(dataDir: string): number | undefined {
  const file = join(dataDir, "postmaster.pid");
  if (!existsSync(file)) return undefined;
  return Number(readFileSync(file, "utf8").split("\n")[0]);
}

/** The first process whose command line contains the fragment (e.g. a data directory). */
export function pidByCommandLine(fragment: string): number | undefined {
  if (!existsSync("/proc/self/cmdline")) return undefined;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, "utf8").replaceAll("\0", " ").includes(fragment)) {
        return Number(entry);
      }
    } catch {
      // the process exited meanwhile
    }
  }
  return undefined;
}
