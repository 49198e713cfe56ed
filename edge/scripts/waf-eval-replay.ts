// The independent evaluation corpus replayed over HTTP through a running edge (by default the one
// `npm start` serves), as an outside evaluation would send it. Unlike waf-eval-score.ts, which calls
// the engine, this sees everything in front of and around it: routing (unrouted requests), the
// JSON-only rule, bot screening and the rate limits. A request counts as blocked when the answer is
// the WAF's 403 (`request-blocked`); every status is tallied.
//   node edge/scripts/waf-eval-replay.ts [--url http://127.0.0.1:8787] [--concurrency 8] [--verbose]
import { parseArgs } from "node:util";
import corpus from "../../tests/fixtures/waf-eval/eval-corpus.json" with { type: "json" };
import {
  type EvalCorpus,
  evalAttacks,
  evalBenign,
  type LabelledRequest,
} from "../test/waf/eval/eval-requests.ts";

const { values } = parseArgs({
  options: {
    url: { type: "string", default: "http://127.0.0.1:8787" },
    concurrency: { type: "string", default: "8" },
    verbose: { type: "boolean", default: false },
  },
});
const base = values.url.replace(/\/$/, "");

type Answer = { status: number; wafBlocked: boolean };

async function send({ request }: LabelledRequest): Promise<Answer> {
  const target = new URL(request.url);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    // fetch sets these itself, for the edge it is talking to.
    if (name !== "host" && name !== "content-length") headers[name] = value;
  });
  if (request.contentType) headers["content-type"] = request.contentType;
  const response = await fetch(`${base}${target.pathname}${target.search}`, {
    method: request.method,
    headers,
    body: request.body ?? undefined,
  });
  const text = await response.text();
  return { status: response.status, wafBlocked: response.status === 403 && text.includes("request-blocked") };
}

async function replay(
  name: string,
  items: LabelledRequest[],
  report: (item: LabelledRequest, a: Answer) => void,
) {
  const statuses = new Map<number, number>();
  const byLabel = new Map<string, { total: number; blocked: number }>();
  const queue = [...items];
  let done = 0;
  const worker = async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
      const answer = await send(item);
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      const tally = byLabel.get(item.label) ?? { total: 0, blocked: 0 };
      tally.total++;
      if (answer.wafBlocked) tally.blocked++;
      byLabel.set(item.label, tally);
      report(item, answer);
      if (++done % 1000 === 0) console.error(`[waf-eval-replay] ${name}: ${done}/${items.length}`);
    }
  };
  await Promise.all(Array.from({ length: Number(values.concurrency) }, worker));
  const blocked = [...byLabel.values()].reduce((sum, t) => sum + t.blocked, 0);
  console.log(`${name}: ${items.length} requests, WAF 403 ${blocked} (${pct(blocked, items.length)})`);
  console.log(
    `  statuses: ${[...statuses]
      .sort((a, b) => a[0] - b[0])
      .map(([s, n]) => `${s} × ${n}`)
      .join(", ")}`,
  );
  for (const [label, { total, blocked: b }] of byLabel)
    console.log(`  ${label} | ${total} | ${pct(b, total)}`);
  return blocked / items.length;
}

const pct = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)} %`;
const show = (kind: string) => (item: LabelledRequest, answer: Answer) => {
  if (!values.verbose) return;
  const wrong = kind === "MISS" ? !answer.wafBlocked : answer.wafBlocked;
  if (wrong)
    console.log(
      kind,
      answer.status,
      item.label,
      item.request.method,
      decodeURIComponent(item.request.url).slice(0, 140),
    );
};

try {
  await fetch(`${base}/healthz/live`);
} catch {
  console.error(`No edge answers at ${base}. Start the platform first (npm start) or pass --url.`);
  process.exit(1);
}
const evalCorpus = corpus as EvalCorpus;
const attacks = await replay("attacks", evalAttacks(evalCorpus), show("MISS"));
const benign = await replay("benign", evalBenign(evalCorpus), show("FP"));
console.log(
  `attacks blocked ${pct(attacks, 1)}, benign blocked ${pct(benign, 1)}, balanced accuracy ${pct((attacks + 1 - benign) / 2, 1)}`,
);
