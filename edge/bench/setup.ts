// What the edge benchmarks share: the Workers they run in one workerd process (Miniflare), the request
// shapes, and a sender. `bench:edge` (edge-cpu.ts) reads CPU per request from outside the process;
// `bench:edge:alloc` (edge-allocations.ts) reads the edge isolate's heap through the inspector.
import { Agent, request as httpRequest } from "node:http";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { convertV4MiniflareOptions, Miniflare, NoOpLog } from "miniflare";
import { seededRandom } from "../test/seeded-random.ts";
import { startBenchOrigin } from "./origin-server.ts";

/** How a Worker reaches the stand-in origin: an HTTP server outside workerd. */
type ServiceBinding = { external: { address: string; http: Record<string, never> } };

export type Target = "edge" | "edge-isolated" | "baseline";

const here = dirname(fileURLToPath(import.meta.url));
const SIGNING_SECRET = "bench-edge-signing-secret-0123456789abcdef";
// Every Worker cycles through all players' tokens: a player sends each Worker about five requests per
// measured payload, inside the money route's per-player budget (20 a minute), and comes back within the
// session-epoch cache's lifetime, as an active player does.
export const PLAYERS = 200;
const COMPATIBILITY_DATE = "2026-11-01";

/**
 * Bodies of one shape whose free values (amounts, dates, notes) are new in every request, as real
 * players' are: only what a client really repeats (keys, enum values, its headers) repeats here, so
 * nothing the edge remembers across requests makes the figures look better than traffic would.
 * Every body of a payload has the same length.
 */
export type Payload = { label: string; small: boolean; bodyLength: number; next: () => string };

/** A seven-digit amount and an ISO instant in 2027–2030: fixed widths keep the body's length constant. */
const amountOf = (random: () => number) => String(1_000_000 + Math.floor(random() * 9_000_000));
const instantOf = (random: () => number) =>
  new Date(Date.UTC(2027, 0, 1) + Math.floor(random() * 3 * 365 * 86_400) * 1000).toISOString();

/** The fields every limit entry has: enum values that repeat, and a fresh amount. */
const limitEntry = (index: number, random: () => number) => ({
  kind: ["deposit", "loss", "wager", "session"][index % 4],
  period: ["daily", "weekly", "monthly"][index % 3],
  amount: amountOf(random),
  currency: "EUR",
});

/** A limits update of about `bytes` of JSON made of short structured fields, as the apps send them. */
function structuredLimitsBodies(bytes: number, random: () => number): () => string {
  const build = (entries: number) =>
    JSON.stringify({
      reason: "player-initiated",
      acknowledgedTerms: true,
      limits: Array.from({ length: entries }, (_, index) => ({
        ...limitEntry(index, random),
        startsAt: instantOf(random),
      })),
    });
  let entries = 0;
  while (build(entries + 1).length <= bytes) entries++;
  return () => build(entries);
}

async function bundle(entry: string, minify: boolean): Promise<string> {
  const result = await build({
    entryPoints: [join(here, entry)],
    bundle: true,
    format: "esm",
    platform: "neutral",
    target: "es2024",
    conditions: ["workerd", "worker", "browser"],
    mainFields: ["module", "main"],
    external: ["cloudflare:*"],
    write: false,
    minify,
    logLevel: "error",
  });
  return result.outputFiles[0]?.text ?? "";
}

const browserHeaders = {
  "user-agent":
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
  accept: "application/json",
  "accept-language": "en-GB,en;q=0.9,mt;q=0.8",
  "accept-encoding": "gzip, deflate, br",
  referer: "https://play.croupier.example/account/limits",
  "sec-fetch-site": "same-site",
  "sec-fetch-mode": "cors",
  "content-type": "application/json",
};

const sentences = [
  "The player reviewed their spending over the last month and chose tighter limits.",
  "They spoke to support about budgeting and asked for a reminder every evening.",
  "A weekly summary by email helps them keep track of deposits and losses.",
  "They would like the limit to apply from the start of next week.",
  "After a long weekend session they decided to slow down for a while.",
  "Please keep the cool-off option visible on the account page.",
  "The previous limit felt too high compared with their monthly budget.",
  "They plan to review the limits again at the end of the quarter.",
];

/** A note of exactly `length` characters: sentences in a new order with new figures, as people write. */
function noteOf(length: number, random: () => number): string {
  let note = "";
  while (note.length < length) {
    const sentence = sentences[Math.floor(random() * sentences.length)] as string;
    note += `${sentence} Budget ${amountOf(random)} cents, noted ${instantOf(random).slice(0, 10)}. `;
  }
  return note.slice(0, length);
}

/**
 * Limits updates of about `bytes` of JSON: up to 40 entries with a free-text note each, shaped to stay
 * within the WAF's argument limits (count, length) the way a real client payload would.
 */
function limitsBodies(bytes: number, random: () => number): () => string {
  const entries = Math.max(1, Math.min(40, Math.floor(bytes / 400)));
  const build = (noteLength: number) =>
    JSON.stringify({
      reason: "player-initiated",
      acknowledgedTerms: true,
      limits: Array.from({ length: entries }, (_, index) => ({
        ...limitEntry(index, random),
        note: noteOf(noteLength, random),
      })),
    });
  const noteLength = Math.max(0, Math.floor((bytes - build(0).length) / entries));
  return () => build(noteLength);
}

function edgeWorker(
  name: string,
  script: string,
  limiter: "durable-object" | "memory",
  origin: ServiceBinding,
) {
  return {
    name,
    modules: [{ type: "ESModule" as const, path: `${name}.mjs`, contents: script }],
    compatibilityDate: COMPATIBILITY_DATE,
    durableObjects: { RATE_LIMITER: { className: "RateLimiter", useSQLite: true } },
    serviceBindings: { ORIGIN: origin },
    bindings: {
      ENVIRONMENT: "test",
      ORIGIN_EU: "https://eu.origin.bench",
      ORIGIN_UK: "https://uk.origin.bench",
      ORIGIN_CA: "https://ca.origin.bench",
      JWKS_URL: "https://eu.origin.bench/.well-known/jwks.json",
      JWT_ISSUER: "croupier-player-api",
      JWT_AUDIENCE: "croupier-edge",
      WAF_PARANOIA_LEVEL: process.env.BENCH_PARANOIA ?? "1", // as deployed (wrangler.toml)
      BOT_SCORE_MIN: "30",
      BOT_SCRIPTED_CLIENTS: "refuse",
      TURNSTILE_REQUIRED: "true",
      TURNSTILE_SECRET_KEY: "bench",
      EDGE_SIGNING_SECRET: SIGNING_SECRET,
      BENCH_LIMITER: limiter,
      BENCH_WAF: process.env.BENCH_WAF ?? "on",
      BENCH_LOG: process.env.BENCH_LOG ?? "on",
    },
    unsafeDirectSockets: [{ host: "127.0.0.1", port: 0 }],
  };
}

/**
 * Starts the stand-in origin (in this process) and the benchmark's Workers — baseline, edge (rate
 * limits in Durable Objects) and edge-isolated (rate limits answered in the isolate) — and returns a
 * sender for the benchmark's request and its payloads. `inspectorPort` opens workerd's inspector;
 * `minify: false` keeps function names readable in profiles.
 */
export async function startEdgeBench(options: { inspectorPort?: number; minify?: boolean } = {}) {
  const minify = options.minify ?? true;
  const [edgeScript, baselineScript] = await Promise.all([
    bundle("edge-worker.ts", minify),
    bundle("baseline-worker.ts", minify),
  ]);
  const origin = await startBenchOrigin();
  const originBinding: ServiceBinding = { external: { address: origin.address, http: {} } };
  // Miniflare 5 takes a new options shape; the converter accepts the familiar one.
  const mf = new Miniflare(
    convertV4MiniflareOptions({
      log: new NoOpLog(),
      ...(options.inspectorPort === undefined ? {} : { inspectorPort: options.inspectorPort }),
      // The edge's one log line per request is produced (its CPU counts) but not printed.
      handleStructuredLogs: () => {},
      handleRuntimeStdio: (stdout: NodeJS.ReadableStream, stderr: NodeJS.ReadableStream) => {
        stdout.resume();
        stderr.resume();
      },
      workers: [
        edgeWorker("edge", edgeScript, "durable-object", originBinding),
        edgeWorker("edge-isolated", edgeScript, "memory", originBinding),
        {
          name: "baseline",
          modules: [{ type: "ESModule", path: "baseline.mjs", contents: baselineScript }],
          compatibilityDate: COMPATIBILITY_DATE,
          serviceBindings: { ORIGIN: originBinding },
          unsafeDirectSockets: [{ host: "127.0.0.1", port: 0 }],
        },
      ],
    }),
  );
  try {
    await mf.ready;
    const tokens: string[] = [];
    for (let player = 0; player < PLAYERS; player++) tokens.push(await origin.token(`ply_bench${player}`));
    // Requests go straight to each Worker's own socket (ADR 0108): workerd parses the HTTP request and
    // the `cf` object (from the blob header) natively, as the production runtime does, instead of
    // through Miniflare's JavaScript entry Worker, whose own garbage collection would land on whichever
    // request was being measured.
    const direct: Record<Target, URL> = {
      edge: await mf.unsafeGetDirectURL("edge"),
      "edge-isolated": await mf.unsafeGetDirectURL("edge-isolated"),
      baseline: await mf.unsafeGetDirectURL("baseline"),
    };
    const cfBlob = JSON.stringify({
      country: "MT",
      regionCode: "60",
      botManagement: { score: 95, verifiedBot: false },
    });
    // One keep-alive connection per Worker, as behind Cloudflare's front line.
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    // Per Worker, so each one cycles through every player whichever Workers take turns.
    const sequences: Record<Target, number> = { edge: 0, "edge-isolated": 0, baseline: 0 };
    const headersFor = (index: number): Record<string, string> => ({
      ...browserHeaders,
      authorization: `Bearer ${tokens[index % PLAYERS]}`,
      "cf-connecting-ip": `198.51.${(index >> 8) & 255}.${index & 255}`,
      traceparent: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
    });
    /** Sends the benchmark's request with `body` to one Worker; returns the status. */
    const send = (target: Target, body: string) =>
      new Promise<number>((resolve, reject) => {
        const { hostname, port } = direct[target];
        const request = httpRequest(
          {
            agent,
            host: hostname,
            port,
            method: "PUT",
            path: "/v1/limits",
            headers: {
              host: "api.croupier.example",
              ...headersFor(++sequences[target]),
              // A browser's fetch declares the length of a string body; the edge reads it in one call.
              "content-length": String(Buffer.byteLength(body)),
              "mf-cf-blob": cfBlob,
            },
          },
          (response) => {
            let text = "";
            response.setEncoding("utf8");
            response.on("data", (chunk: string) => {
              text += chunk;
            });
            response.on("end", () => {
              if (process.env.BENCH_DEBUG && response.statusCode !== 200)
                console.error(target, response.statusCode, text.slice(0, 300));
              resolve(response.statusCode ?? 0);
            });
          },
        );
        request.on("error", reject);
        request.end(body);
      });
    // Request line and headers as sent on the wire, so "2 KB" means the whole request.
    const head = `PUT /v1/limits HTTP/1.1\r\nhost: api.croupier.example\r\n${Object.entries(headersFor(0))
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join("")}content-length: 0000\r\n\r\n`;
    const payload = (label: string, small: boolean, next: () => string): Payload => ({
      label,
      small,
      bodyLength: next().length,
      next,
    });
    const payloads: Payload[] = [
      payload(
        "2 KB request, structured JSON",
        true,
        structuredLimitsBodies(2048 - head.length, seededRandom(1)),
      ),
      payload("2 KB request, free-text JSON", true, limitsBodies(2048 - head.length, seededRandom(2))),
      payload("64 KB JSON body, free text", false, limitsBodies(64 * 1024, seededRandom(3))),
    ];
    return {
      mf,
      send,
      headLength: head.length,
      payloads,
      dispose: async () => {
        agent.destroy();
        await mf.dispose();
        await origin.close();
      },
    };
  } catch (error) {
    await mf.dispose();
    await origin.close();
    throw error;
  }
}
