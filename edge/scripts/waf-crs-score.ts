// Scores the WAF against the copied OWASP CRS regression cases, per family:
//   node edge/scripts/waf-crs-score.ts [--pl 1] [--verbose]
import { readFileSync } from "node:fs";
import { inspectRequest, type ParanoiaLevel } from "../src/waf/index.ts";
import { type CrsFixture, percent, scoreCrs } from "../test/waf/crs-score.ts";

const args = process.argv.slice(2);
const plIndex = args.indexOf("--pl");
const paranoiaLevel = (plIndex >= 0 ? Number(args[plIndex + 1]) : 1) as ParanoiaLevel;
const verbose = args.includes("--verbose");
const fixture: CrsFixture = JSON.parse(
  readFileSync(new URL("../../tests/fixtures/crs/crs-cases.json", import.meta.url), "utf8"),
);

const started = performance.now();
const scores = scoreCrs(fixture, paranoiaLevel, (request, level) =>
  inspectRequest(request, { paranoiaLevel: level, routeId: "crs.regression" }),
);
const elapsed = performance.now() - started;

console.log(`CRS regression at paranoia level ${paranoiaLevel}`);
console.log(
  "| CRS | family | attacks | detected | blocked | benign | benign passed | benign not blocked | left out: scope / attack-shaped |",
);
console.log("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const s of scores) {
  console.log(
    `| ${s.crs} | ${s.family} | ${s.attacks} | ${percent(s.detected, s.attacks)} | ${percent(s.blocked, s.attacks)} | ${s.benign} | ${percent(s.benignPassed, s.benign)} | ${percent(s.benignNotBlocked, s.benign)} | ${s.outOfScope} / ${s.attackShaped} |`,
  );
}
const cases = scores.reduce((sum, s) => sum + s.attacks + s.benign, 0);
console.log(
  `${cases} cases in ${elapsed.toFixed(0)} ms (${((1000 * elapsed) / cases).toFixed(0)} µs per request)`,
);
if (verbose) {
  for (const s of scores) {
    if (s.missed.length > 0) console.log(`missed ${s.crs}: ${s.missed.join(" ")}`);
    if (s.falsePositives.length > 0) console.log(`false positives ${s.crs}: ${s.falsePositives.join(" ")}`);
  }
}
