// Writes the WAF's verdict on every request of the CRS regression set and the independent corpus, at
// paranoia levels 1–4, one JSON line each, so a change meant to be detection-neutral (a speed-up, a
// refactor) can be checked by diffing the file before and after:
//   node edge/scripts/waf-verdicts.ts /tmp/verdicts-before.jsonl
import { readFileSync, writeFileSync } from "node:fs";
import corpus from "../../tests/fixtures/waf-eval/eval-corpus.json" with { type: "json" };
import { inspectRequest, type ParanoiaLevel } from "../src/waf/index.ts";
import { type CrsFixture, scoreCrs } from "../test/waf/crs-score.ts";
import { type EvalCorpus, evalAttacks, evalBenign, evalRouteId } from "../test/waf/eval/eval-requests.ts";

const output = process.argv[2];
if (!output) {
  console.error("usage: node edge/scripts/waf-verdicts.ts <output file>");
  process.exit(2);
}
const fixture: CrsFixture = JSON.parse(
  readFileSync(new URL("../../tests/fixtures/crs/crs-cases.json", import.meta.url), "utf8"),
);
const lines: string[] = [];
for (const level of [1, 2, 3, 4] as ParanoiaLevel[]) {
  scoreCrs(fixture, level, (request, paranoiaLevel) => {
    const result = inspectRequest(request, { paranoiaLevel, routeId: "crs.regression" });
    lines.push(JSON.stringify(result));
    return result;
  });
  const evalCorpus = corpus as EvalCorpus;
  for (const { request } of [...evalAttacks(evalCorpus), ...evalBenign(evalCorpus)]) {
    lines.push(
      JSON.stringify(inspectRequest(request, { paranoiaLevel: level, routeId: evalRouteId(request) })),
    );
  }
}
writeFileSync(output, `${lines.join("\n")}\n`);
console.log(`${lines.length} verdicts written to ${output}`);
