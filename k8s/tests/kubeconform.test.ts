import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeConstraintSchemas } from "./support/constraint-schemas.ts";
import { charts, parseObjects, regions, renderText } from "./support/render.ts";
import { k8sRoot, run, schemasRoot } from "./support/tools.ts";

const work = mkdtempSync(join(tmpdir(), "croupier-kubeconform-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// The optional services and the contract phase render kinds and fields the defaults do not.
const everything = [
  "--set",
  "services.cashier.enabled=true,services.kyc.enabled=true,services.bonus.enabled=true,services.stream-gateway.enabled=true,migrations.contract=true",
];

interface Summary {
  valid: number;
  invalid: number;
  errors: number;
  skipped: number;
}

function kubeconform(files: string[], generatedSchemas: string): { summary: Summary; problems: string[] } {
  const result = run("kubeconform", [
    "-strict",
    "-summary",
    "-output",
    "json",
    "-schema-location",
    join(schemasRoot, "core/{{.ResourceKind}}{{.KindSuffix}}.json"),
    "-schema-location",
    join(schemasRoot, "crds/{{.Group}}/{{.ResourceKind}}_{{.ResourceAPIVersion}}.json"),
    "-schema-location",
    join(generatedSchemas, "{{.Group}}/{{.ResourceKind}}_{{.ResourceAPIVersion}}.json"),
    ...files,
  ]);
  const report = JSON.parse(result.stdout) as {
    resources: { filename: string; kind: string; name: string; status: string; msg: string }[];
    summary: Summary;
  };
  const problems = report.resources
    .filter((r) => r.status !== "statusValid")
    .map((r) => `${r.kind} ${r.name}: ${r.status} ${r.msg}`);
  return { summary: report.summary, problems };
}

describe("kubeconform -strict against the vendored schemas", () => {
  it.each(regions)("every object of region %s is valid, none without a schema", (region) => {
    const dir = join(work, region);
    const files: string[] = [];
    let expected = 0;
    for (const chart of charts) {
      for (const [suffix, extra] of [
        ["", []],
        ["-everything", chart === "croupier" ? everything : []],
      ] as const) {
        if (suffix && chart !== "croupier") continue;
        const text = renderText("helm3", chart, region, [...extra]);
        const file = join(work, `${region}-${chart}${suffix}.yaml`);
        writeFileSync(file, text);
        files.push(file);
        expected += parseObjects(text).length;
      }
    }
    const templates = parseObjects(renderText("helm3", "croupier-policies", region)).filter(
      (o) => o.kind === "ConstraintTemplate",
    );
    expect(writeConstraintSchemas(templates, dir)).toBe(7);

    const { summary, problems } = kubeconform(files, dir);
    expect(problems).toEqual([]);
    expect(summary).toEqual({ valid: expected, invalid: 0, errors: 0, skipped: 0 });
  });

  it("the Argo CD manifests are valid", () => {
    const dir = join(k8sRoot, "argocd");
    const files = readdirSync(dir)
      .filter((f) => f.endsWith(".yaml"))
      .map((f) => join(dir, f));
    const expected = files.reduce((n, f) => n + parseObjects(readFileSync(f, "utf8")).length, 0);
    const { summary, problems } = kubeconform(files, work);
    expect(problems).toEqual([]);
    expect(summary).toEqual({ valid: expected, invalid: 0, errors: 0, skipped: 0 });
  });

  it("a typo in a spec is caught (the schemas are strict)", () => {
    const file = join(work, "typo.yaml");
    writeFileSync(
      file,
      [
        "apiVersion: argoproj.io/v1alpha1",
        "kind: Rollout",
        "metadata: { name: x, namespace: croupier-wallet }",
        "spec:",
        "  selector: { matchLabels: { a: b } }",
        "  template: { metadata: { labels: { a: b } }, spec: { containers: [{ name: c, image: i }] } }",
        "  strategy: { blueGreen: { activeService: x, autoPromotionEnabeld: false } }",
      ].join("\n"),
    );
    const { summary } = kubeconform([file], work);
    expect(summary.invalid).toBe(1);
  });
});
