/**
 * `npm run bench:edge:alloc`: what the edge's isolate allocates per request, and how often it collects
 * garbage (ADR 0107). A collection costs the request it lands on several milliseconds of CPU, so the
 * bytes a request allocates decide how many requests pay for one, and that is what the CPU benchmark's
 * p99 sees.
 *
 * Reads the `edge-isolated` Worker's V8 heap through workerd's inspector: V8's sampling heap profiler
 * (counting objects that die young too) over a run of requests gives bytes per request and the functions
 * that allocate them; heap usage read before and after each request of a second run shows the requests
 * during which the isolate collected. Options: --requests N (default 1,000 per payload).
 */
import { parseArgs } from "node:util";
import { freePort } from "@croupier/devstack/ports";
import { PLAYERS, startEdgeBench } from "./setup.ts";

type ProfileNode = {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: ProfileNode[];
};

const { values } = parseArgs({ options: { requests: { type: "string", default: "1000" } } });
const REQUESTS = Number(values.requests);
const say = (message: string) => console.log(`[bench:edge:alloc] ${message}`);

/** A minimal Chrome DevTools Protocol client over the inspector's WebSocket. */
async function inspect(port: number, worker: string) {
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json`)).json()) as {
    id: string;
    title: string;
    webSocketDebuggerUrl?: string;
  }[];
  const target = targets.find((t) => t.title.includes(`core:user:${worker}`));
  if (!target)
    throw new Error(`no inspector target for ${worker}: ${targets.map((t) => t.title).join(", ")}`);
  const socket = new WebSocket(target.webSocketDebuggerUrl ?? `ws://127.0.0.1:${port}/${target.id}`);
  await new Promise((resolve, reject) => {
    socket.addEventListener("open", resolve, { once: true });
    socket.addEventListener("error", reject, { once: true });
  });
  let nextId = 0;
  const pending = new Map<number, (result: unknown) => void>();
  socket.addEventListener("message", (event) => {
    const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown };
    if (message.id !== undefined) {
      pending.get(message.id)?.(message.result);
      pending.delete(message.id);
    }
  });
  return {
    call: <T>(method: string, params: Record<string, unknown> = {}) =>
      new Promise<T>((resolve) => {
        const id = ++nextId;
        pending.set(id, resolve as (result: unknown) => void);
        socket.send(JSON.stringify({ id, method, params }));
      }),
    close: () => socket.close(),
  };
}

/** Bytes allocated per request by each function (its own allocations), largest first. */
function allocators(head: ProfileNode, requests: number): { total: number; top: [string, number][] } {
  const bySite = new Map<string, number>();
  let total = 0;
  const walk = (node: ProfileNode) => {
    if (node.selfSize > 0) {
      const { functionName, url, lineNumber } = node.callFrame;
      const site = `${functionName || "(anonymous)"} ${url ? `${url.split("/").pop()}:${lineNumber + 1}` : "(runtime)"}`;
      bySite.set(site, (bySite.get(site) ?? 0) + node.selfSize);
      total += node.selfSize;
    }
    for (const child of node.children) walk(child);
  };
  walk(head);
  const top = [...bySite]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 15)
    .map(([site, bytes]) => [site, bytes / requests] as [string, number]);
  return { total: total / requests, top };
}

const port = await freePort();
say("starting workerd with the inspector open");
const bench = await startEdgeBench({ inspectorPort: port, minify: false });
const inspector = await inspect(port, "edge-isolated");
try {
  const heapUsed = async () => (await inspector.call<{ usedSize: number }>("Runtime.getHeapUsage")).usedSize;
  say(`warming up (${PLAYERS} rounds of every payload)`);
  for (const payload of bench.payloads)
    for (let round = 0; round < PLAYERS; round++) await bench.send("edge-isolated", payload.next());
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
  for (const { label, bodyLength, next } of bench.payloads) {
    await inspector.call("HeapProfiler.startSampling", {
      samplingInterval: 2048,
      includeObjectsCollectedByMinorGC: true,
      includeObjectsCollectedByMajorGC: true,
    });
    for (let index = 0; index < REQUESTS; index++) await bench.send("edge-isolated", next());
    const { profile } = await inspector.call<{ profile: { head: ProfileNode } }>("HeapProfiler.stopSampling");
    const { total, top } = allocators(profile.head, REQUESTS);
    let collections = 0;
    for (let index = 0; index < REQUESTS; index++) {
      const before = await heapUsed();
      await bench.send("edge-isolated", next());
      if ((await heapUsed()) < before) collections++;
    }
    console.log(`\n${label} (${bodyLength} B body), ${REQUESTS} requests`);
    console.log(`  allocated per request: ${kib(total)}`);
    console.log(
      `  requests during which the isolate collected: ${collections} (${((100 * collections) / REQUESTS).toFixed(1)} %)`,
    );
    console.log("  largest allocators per request:");
    for (const [site, bytes] of top) console.log(`    ${kib(bytes).padStart(10)}  ${site}`);
  }
} finally {
  inspector.close();
  await bench.dispose();
}
