/**
 * `npm run bench:edge`: CPU the edge adds per request, measured in workerd.
 *
 * JavaScript clocks inside workerd tick in whole milliseconds, too coarse for sub-millisecond requests,
 * so the CPU is read from outside: the kernel's per-thread CPU accounting of the workerd process
 * (/proc/<pid>/task/<tid>/schedstat, nanoseconds) before and after each request, one request at a time.
 * The same requests then go through a baseline Worker that only forwards to the same origin; the edge's
 * figure minus the baseline's median is what the edge adds (HTTP handling, the origin stand-in and the
 * runtime's own work cancel out). The Durable Object rate limiter runs in the same process, so its CPU is
 * included: the figures are an upper bound for the edge Worker alone. Linux only.
 */
import { readdirSync, readFileSync } from "node:fs";
import { setPriority } from "node:os";
import { type Payload, PLAYERS, startEdgeBench, type Target } from "./setup.ts";

const SAMPLES = { small: 1000, large: 200 };
const WARMUP = 100;
// Before anything is measured, every payload is sent this many rounds. Each Worker goes round-robin
// over the players' tokens, so this many rounds let every Worker verify every token once; a verified
// token is remembered per isolate. The
// same rounds let V8 finish optimising the code paths of every payload: its compiler threads belong
// to the workerd process, so compilation still running would land on whichever payload came first.
const GLOBAL_WARMUP = PLAYERS;

function workerdPid(): number {
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === process.pid && readFileSync(`/proc/${entry}/cmdline`, "utf8").includes("workerd"))
        return Number(entry);
    } catch {
      // The process went away while we looked.
    }
  }
  throw new Error("workerd process not found (this benchmark needs Linux /proc)");
}

/**
 * Raises the scheduling priority of workerd's threads and of this process when allowed (root), so other
 * tenants of a shared machine preempt a request less often; refused silently otherwise.
 */
function raisePriority(pid: number): boolean {
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) setPriority(Number(task), -10);
    setPriority(0, -10);
    return true;
  } catch {
    return false;
  }
}

function cpuNanos(pid: number): number {
  let total = 0;
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    try {
      total += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, "utf8").split(" ")[0]);
    } catch {
      // A thread exited between listing and reading.
    }
  }
  return total;
}

/** Progress on stderr, so stdout is the table alone. */
const say = (message: string) => console.error(`[bench:edge] ${message}`);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

async function main(): Promise<void> {
  say("bundling the Workers and starting workerd");
  const bench = await startEdgeBench();
  try {
    const pid = workerdPid();
    const prioritised = raisePriority(pid);
    const { send } = bench;
    const targets: Target[] = ["baseline", "edge-isolated", "edge"];
    /** CPU per request of each target, the targets taking turns request by request. */
    const measure = async (payload: Payload, samples: number, turns: Target[]) => {
      for (let index = 0; index < WARMUP; index++)
        for (const target of turns) await send(target, payload.next());
      const costs = new Map<Target, number[]>(turns.map((target) => [target, []]));
      for (let index = 0; index < samples; index++) {
        for (const target of turns) {
          // Built before the clock starts: the body is the client's work, not workerd's.
          const body = payload.next();
          const before = cpuNanos(pid);
          const status = await send(target, body);
          costs.get(target)?.push((cpuNanos(pid) - before) / 1e6);
          if (status !== 200) throw new Error(`benchmark request to ${target} was answered ${status}`);
        }
      }
      const summary = (target: Target) => {
        const sorted = (costs.get(target) ?? []).sort((a, b) => a - b);
        return { p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
      };
      return summary;
    };

    const rows: string[] = [];
    /** The budgets for what the edge adds, checked against each payload's figures. */
    const verdicts: string[] = [];
    const against = (what: string, value: number, budget: number) =>
      verdicts.push(`${what} ${ms(value)} ms (budget ${budget} ms): ${value <= budget ? "met" : "NOT MET"}`);
    const ms = (value: number) => value.toFixed(3);
    say(`warming up: ${GLOBAL_WARMUP} rounds of every payload through every Worker`);
    for (const payload of bench.payloads)
      for (let index = 0; index < GLOBAL_WARMUP; index++)
        for (const target of targets) await send(target, payload.next());
    for (const payload of bench.payloads) {
      const { label, small } = payload;
      const samples = small ? SAMPLES.small : SAMPLES.large;
      say(`measuring ${label}: ${samples} requests per Worker`);
      // The baseline and the edge take turns, so both see the same machine conditions. The variant with
      // the rate-limit Durable Objects runs on its own afterwards: an object's storage commits after the
      // response, and taking turns would bill that work to whichever Worker came next.
      const paired = await measure(payload, samples, ["baseline", "edge-isolated"]);
      const withObjects = (await measure(payload, samples, ["edge"]))("edge");
      const baseline = paired("baseline");
      const isolated = paired("edge-isolated");
      const base = baseline.p50;
      const size = `${bench.headLength + payload.bodyLength} B (${payload.bodyLength} B body)`;
      if (small) {
        against(`${label}: edge adds p50`, isolated.p50 - base, 1);
        against(`${label}: edge adds p99`, isolated.p99 - base, 5);
      } else against(`${label}: edge adds p99`, isolated.p99 - base, 20);
      rows.push(
        `| ${label}: ${size} | ${samples} | ${ms(base)} / ${ms(baseline.p99)} | ` +
          `**${ms(isolated.p50 - base)}** | **${ms(isolated.p99 - base)}** | ` +
          `${ms(withObjects.p50 - base)} | ${ms(withObjects.p99 - base)} |`,
      );
    }
    const load = readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
    console.log(
      `workerd CPU per request, ms (load average during the run: ${load}; ${GLOBAL_WARMUP} warm-up rounds of ` +
        `every payload, then ${WARMUP} before each; ` +
        `${prioritised ? "workerd and the client at nice -10" : "default priority"})`,
    );
    console.log("");
    console.log(
      "| Request | Samples | Baseline p50 / p99 | Edge adds p50 | Edge adds p99 | + rate-limit DOs p50 | + rate-limit DOs p99 |",
    );
    console.log("|---|---:|---:|---:|---:|---:|---:|");
    for (const row of rows) console.log(row);
    console.log("");
    for (const verdict of verdicts) console.log(`- ${verdict}`);
  } finally {
    await bench.dispose();
  }
}

await main();
