// Balanced accuracy on the project's own corpora (edge/test/waf/corpus), a stand-in for held-out
// traffic:  node edge/scripts/waf-corpus-score.ts [--verbose]
import { inspectRequest } from "../src/waf/index.ts";
import { attackCorpus, evasionCorpus } from "../test/waf/corpus/attack-corpus.ts";
import { benignCorpus, routeOptionsFor } from "../test/waf/corpus/benign-corpus.ts";

const verbose = process.argv.includes("--verbose");
const benign = benignCorpus(2000);
let benignBlocked = 0;
for (const request of benign) {
  const result = inspectRequest(request, { paranoiaLevel: 1, ...routeOptionsFor(request) });
  if (result.blocked) {
    benignBlocked++;
    if (verbose)
      console.log(
        "FP",
        request.method,
        request.url.slice(0, 120),
        JSON.stringify(result.matches),
        (request.body ?? "").slice(0, 300),
      );
  }
}
const perFamily = new Map<string, { total: number; blocked: number }>();
for (const { family, request } of [
  ...attackCorpus(),
  ...evasionCorpus().map(({ family, request }) => ({ family: `evasion/${family}`, request })),
]) {
  const result = inspectRequest(request, { paranoiaLevel: 1, routeId: "api" });
  const entry = perFamily.get(family) ?? { total: 0, blocked: 0 };
  entry.total++;
  if (result.blocked) entry.blocked++;
  else if (verbose)
    console.log(
      "MISS",
      family,
      request.url.slice(0, 140),
      (request.body ?? "").slice(0, 140),
      request.headers.get("cookie") ?? "",
    );
  perFamily.set(family, entry);
}
let attacks = 0;
let caught = 0;
for (const [family, { total, blocked }] of perFamily) {
  attacks += total;
  caught += blocked;
  console.log(`${family}: ${blocked}/${total} blocked`);
}
const tpr = caught / attacks;
const tnr = 1 - benignBlocked / benign.length;
console.log(
  `attacks blocked ${(100 * tpr).toFixed(1)} %, benign blocked ${((100 * benignBlocked) / benign.length).toFixed(2)} % (${benignBlocked}/${benign.length}), balanced accuracy ${(50 * (tpr + tnr)).toFixed(1)} %`,
);
