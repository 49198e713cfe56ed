// CPU use of the machine and of given processes, from /proc (Linux), sampled between two calls.
import { readdirSync, readFileSync } from "node:fs";

const TICKS_PER_SECOND = 100;

function machineTicks(): { busy: number; total: number } {
  const line = readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "";
  const values = line.trim().split(/\s+/).slice(1).map(Number);
  const idle = (values[3] ?? 0) + (values[4] ?? 0);
  const total = values.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

function processTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[11]) + Number(fields[12]); // utime + stime
  } catch {
    return 0;
  }
}

/** The pid and every descendant (PostgreSQL backends are children of the postmaster). */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch {
      // exited meanwhile
    }
  }
  const out: number[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop() as number;
    out.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

export interface CpuSample {
  at: number;
  machine: { busy: number; total: number };
  groups: Record<string, number>;
}

export function sampleCpu(groups: Record<string, () => number[]>): CpuSample {
  return {
    at: performance.now(),
    machine: machineTicks(),
    groups: Object.fromEntries(
      Object.entries(groups).map(([name, pids]) => [
        name,
        pids().reduce((sum, pid) => sum + processTicks(pid), 0),
      ]),
    ),
  };
}

/** Percent of one core per group, and the machine's busy percent (of all cores). */
export function cpuBetween(a: CpuSample, b: CpuSample) {
  const seconds = (b.at - a.at) / 1000;
  const groups = Object.fromEntries(
    Object.keys(b.groups).map((name) => [
      name,
      Math.round((((b.groups[name] ?? 0) - (a.groups[name] ?? 0)) / TICKS_PER_SECOND / seconds) * 100),
    ]),
  );
  const machine = Math.round(
    ((b.machine.busy - a.machine.busy) / Math.max(b.machine.total - a.machine.total, 1)) * 100,
  );
  return { machine, groups };
}
