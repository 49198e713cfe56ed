// Bundles the independent evaluation corpus (tests/fixtures/waf-eval/{attacks,benign}/*.txt) into one
// JSON file that both the scorer and the workerd test can import:
//   node edge/scripts/waf-eval-build.ts
// The payload lists are kept verbatim from their sources; lines that are fuzzing probes rather than
// attacks (a lone keyword, number or punctuation mark) are dropped here, by rule, and counted.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("../../tests/fixtures/waf-eval/", import.meta.url).pathname;

/** A probe: fewer than four characters, or only letters, digits, spaces and `%` (e.g. `order by`, `21 %`). */
function isProbe(line: string): boolean {
  let decoded = line;
  try {
    decoded = decodeURIComponent(line);
  } catch {
    // Malformed escapes are part of some payloads; judge the raw line.
  }
  const trimmed = decoded.trim();
  return trimmed.length < 4 || /^[\p{L}\p{N} %]+$/u.test(trimmed);
}

function lines(path: string): string[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "");
}

const attacks: { attackClass: string; source: string; payload: string }[] = [];
let probes = 0;
for (const file of readdirSync(join(root, "attacks")).sort()) {
  if (!file.endsWith(".txt") || file.startsWith("LICENSE")) continue;
  const attackClass = file.split("-")[0] as string;
  for (const line of lines(join(root, "attacks", file))) {
    if (isProbe(line)) {
      probes++;
      continue;
    }
    // Placeholders of the sources: a sleep time and a marker string.
    attacks.push({ attackClass, source: file, payload: line.replaceAll("__TIME__", "5") });
  }
}

const benign: Record<string, string[]> = {};
for (const file of readdirSync(join(root, "benign")).sort()) {
  if (!file.endsWith(".txt")) continue;
  // Multi-line texts are written on one line with a literal `\n`.
  benign[file.replace(/\.txt$/, "")] = lines(join(root, "benign", file)).map((line) =>
    line.replaceAll("\\n", "\n"),
  );
}

writeFileSync(join(root, "eval-corpus.json"), `${JSON.stringify({ attacks, benign }, null, 1)}\n`);
console.log(
  `${attacks.length} attack payloads (${probes} probe lines dropped), ${Object.values(benign).flat().length} benign values`,
);
