// Independent evaluation corpus (public payload collections + benign casino traffic written apart from
// the rules), a stand-in for the outside held-out corpus:
//   node edge/scripts/waf-eval-score.ts [--pl N] [--verbose]
// Rebuild the JSON after editing the text files with `node edge/scripts/waf-eval-build.ts`.
import corpus from "../../tests/fixtures/waf-eval/eval-corpus.json" with { type: "json" };
import type { ParanoiaLevel } from "../src/waf/index.ts";
import { scoreEval } from "../test/waf/eval/score-eval.ts";

const verbose = process.argv.includes("--verbose");
const plArg = process.argv.indexOf("--pl");
const paranoiaLevel = (plArg > 0 ? Number(process.argv[plArg + 1]) : 1) as ParanoiaLevel;
const score = scoreEval(corpus, paranoiaLevel);
const pct = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)} %`;

if (verbose) {
  for (const { label, placement, request } of score.misses)
    console.log(
      "MISS",
      label,
      placement,
      request.method,
      decodeURIComponent(request.url).slice(0, 160),
      request.headers.get("x-api-version") ?? "",
      (request.body ?? "").slice(0, 160),
    );
  for (const { item, result } of score.falsePositives)
    console.log(
      "FP",
      item.label,
      item.placement,
      item.request.url.slice(0, 120),
      JSON.stringify(result.matches),
      (item.request.body ?? "").slice(0, 200),
    );
}
console.log(`paranoia level ${paranoiaLevel}`);
console.log("attack class | requests | blocked");
for (const { label, total, blocked } of score.attackClasses)
  console.log(`${label} | ${total} | ${pct(blocked, total)}`);
console.log("benign class | requests | blocked");
for (const { label, total, blocked } of score.benignClasses)
  console.log(`${label} | ${total} | ${blocked} (${pct(blocked, total)})`);
const benignTotal = score.benignClasses.reduce((sum, entry) => sum + entry.total, 0);
const attackTotal = score.attackClasses.reduce((sum, entry) => sum + entry.total, 0);
console.log(
  `attacks blocked ${(100 * score.attackRate).toFixed(1)} % of ${attackTotal}, benign blocked ${(100 * score.benignBlockRate).toFixed(2)} % (${score.falsePositives.length}/${benignTotal}), balanced accuracy ${(100 * score.balancedAccuracy).toFixed(1)} %`,
);
