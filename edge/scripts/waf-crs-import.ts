// Converts the OWASP CRS go-ftw regression YAML (../shared/crs-regression) into the compact JSON
// fixture the WAF scorer and tests read. Run once when the upstream copy changes:
//   node edge/scripts/waf-crs-import.ts /work/shared/crs-regression
// The output keeps only what a request inspector needs (method, uri, headers, body, expected ids).
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";

type Stage = {
  input?: {
    method?: string;
    uri?: string;
    headers?: Record<string, unknown>;
    data?: unknown;
    encoded_request?: string;
    autocomplete_headers?: boolean;
  };
  output?: { log?: { expect_ids?: number[]; no_expect_ids?: number[] }; status?: number };
};

type CrsCase = {
  id: string;
  desc: string;
  method: string;
  uri: string;
  headers: [string, string][];
  body: string | null;
  expect: number[];
  noExpect: number[];
  /** go-ftw adds Content-Type (form encoding) and Content-Length to a body unless told not to. */
  autocomplete?: false;
};

const sourceDir = process.argv[2] ?? "/work/shared/crs-regression";
const outputFile = new URL("../../tests/fixtures/crs/crs-cases.json", import.meta.url);
const paranoia: Record<string, number> = JSON.parse(
  readFileSync(join(sourceDir, "rule-paranoia-levels.json"), "utf8"),
);

function decodeRawRequest(base64: string): Pick<CrsCase, "method" | "uri" | "headers" | "body"> {
  const raw = Buffer.from(base64.replace(/\s+/g, ""), "base64").toString("latin1");
  const headerEnd = raw.indexOf("\r\n\r\n");
  const head = headerEnd >= 0 ? raw.slice(0, headerEnd) : raw;
  const body = headerEnd >= 0 ? raw.slice(headerEnd + 4) : "";
  const [requestLine = "", ...headerLines] = head.split("\r\n");
  const [method = "GET", uri = "/"] = requestLine.split(" ");
  const headers: [string, string][] = [];
  for (const line of headerLines) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return { method, uri, headers, body: body.length > 0 ? body : null };
}

function stageToCase(id: string, desc: string, stage: Stage): CrsCase | null {
  const input = stage.input ?? {};
  const log = stage.output?.log ?? {};
  const expect = log.expect_ids ?? [];
  const noExpect = log.no_expect_ids ?? [];
  if (expect.length === 0 && noExpect.length === 0) return null;
  if (input.encoded_request) {
    return { id, desc, ...decodeRawRequest(input.encoded_request), expect, noExpect, autocomplete: false };
  }
  const headers: [string, string][] = Object.entries(input.headers ?? {}).map(([name, value]) => [
    name,
    String(value),
  ]);
  const data = input.data;
  const body =
    data === undefined || data === null ? null : Array.isArray(data) ? data.join("\r\n") : String(data);
  const converted: CrsCase = {
    id,
    desc,
    method: input.method ?? "GET",
    uri: input.uri ?? "/",
    headers,
    body,
    expect,
    noExpect,
  };
  if (input.autocomplete_headers === false) converted.autocomplete = false;
  return converted;
}

const cases: CrsCase[] = [];
const testsDir = join(sourceDir, "tests");
for (const family of readdirSync(testsDir).sort()) {
  if (!family.startsWith("REQUEST-")) continue; // response rules need response inspection
  for (const file of readdirSync(join(testsDir, family)).sort()) {
    const text = readFileSync(join(testsDir, family, file), "utf8");
    for (const doc of parseAllDocuments(text)) {
      const parsed = doc.toJSON() as {
        tests?: { test_id: number; desc?: string; stages?: Stage[] }[];
      } | null;
      for (const test of parsed?.tests ?? []) {
        (test.stages ?? []).forEach((stage, index) => {
          const id = `${file.replace(/\.ya?ml$/, "")}-${test.test_id}${index > 0 ? `.${index}` : ""}`;
          const converted = stageToCase(id, String(test.desc ?? "").trim(), stage);
          if (converted) cases.push(converted);
        });
      }
    }
  }
}

const fixture = {
  source:
    "OWASP CRS regression tests, coreruleset/coreruleset commit 2cbd1d019cb7c85319ba4d9102a382c9de7a8e53, tests/regression/tests (Apache-2.0); converted from go-ftw YAML",
  paranoiaLevels: paranoia,
  cases,
};
writeFileSync(outputFile, `${JSON.stringify(fixture)}\n`);
console.log(`wrote ${cases.length} cases to ${outputFile.pathname}`);
