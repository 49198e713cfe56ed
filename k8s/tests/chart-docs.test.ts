import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { charts, parseObjects, regions } from "./support/render.ts";
import { chartsRoot, run } from "./support/tools.ts";

const work = mkdtempSync(join(tmpdir(), "croupier-notes-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function refs(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) refs(item, out);
  else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (key === "$ref" && typeof item === "string") out.push(item);
      else refs(item, out);
    }
  }
  return out;
}

describe("chart documentation and schemas", () => {
  it.each(charts)("%s has a values schema whose references are all local", (chart) => {
    const schema = JSON.parse(readFileSync(join(chartsRoot, chart, "values.schema.json"), "utf8"));
    expect(schema.$schema).toBe("http://json-schema.org/draft-07/schema#");
    for (const ref of refs(schema)) expect(ref).toMatch(/^#\//);
  });

  // `helm install --dry-run` needs a cluster for NOTES.txt, so render it as a template instead.
  it.each(regions)("NOTES.txt renders for region %s with the next steps an operator needs", (region) => {
    const copy = join(work, region);
    cpSync(join(chartsRoot, "croupier"), copy, { recursive: true });
    cpSync(join(copy, "templates", "NOTES.txt"), join(copy, "notes.txt"));
    writeFileSync(
      join(copy, "templates", "notes-rendered.yaml"),
      'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: notes }\ndata:\n  notes: {{ tpl (.Files.Get "notes.txt") . | quote }}\n',
    );
    const result = run("helm3", [
      "template",
      "croupier",
      copy,
      "--kube-version",
      "1.32.0",
      "-f",
      join(copy, `values-${region}.yaml`),
      "--show-only",
      "templates/notes-rendered.yaml",
    ]);
    expect(result.stderr).toBe("");
    const notes = parseObjects(result.stdout)[0]?.data.notes as string;
    expect(notes).toContain(`for region ${region.toUpperCase()}`);
    expect(notes).toContain("kubectl argo rollouts promote ledger -n croupier-wallet");
    expect(notes).toContain(`api.${region}.croupier.example`);
    expect(notes).toContain("helm test");
  });
});
