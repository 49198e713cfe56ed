import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { charts, parseObjects, regions, renderText } from "./support/render.ts";
import { chartsRoot, k8sRoot, run } from "./support/tools.ts";

const regoDir = join(chartsRoot, "croupier-policies", "rego");
const work = mkdtempSync(join(tmpdir(), "croupier-gator-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const everything = [
  "--set",
  "services.cashier.enabled=true,services.kyc.enabled=true,services.bonus.enabled=true,services.stream-gateway.enabled=true,migrations.contract=true",
];

function write(name: string, text: string): string {
  const file = join(work, name);
  writeFileSync(file, text);
  return file;
}

describe("Rego policies", () => {
  it("compile in strict mode", () => {
    const result = run("opa", ["check", "--strict", regoDir]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it("pass their unit tests", () => {
    const result = run("opa", ["test", regoDir, "--format", "json"]);
    const tests = JSON.parse(result.stdout) as {
      name: string;
      package: string;
      fail?: boolean;
      error?: unknown;
    }[];
    const failed = tests.filter((t) => t.fail || t.error).map((t) => `${t.package}.${t.name}`);
    expect(failed).toEqual([]);
    expect(result.status).toBe(0);
    // Every policy package has tests of its own.
    const packages = new Set(tests.map((t) => t.package.replace(/^data\./, "").replace(/_test$/, "")));
    for (const policy of [
      "croupierrequiredprobes",
      "croupiercontainerresources",
      "croupierrequiredlabels",
      "croupierallowedimages",
      "croupierreadonlyrootfs",
      "croupiernonroot",
      "croupiernoinlinesecrets",
    ]) {
      expect(packages).toContain(policy);
    }
  });
});

describe("gator test: the policies admit everything rendered", () => {
  it.each(regions)("region %s: policies, foundation and core pass every constraint", (region) => {
    const files = charts.map((chart) => write(`${region}-${chart}.yaml`, renderText("helm3", chart, region)));
    const everythingFile = write(
      `${region}-everything.yaml`,
      renderText("helm3", "croupier", region, everything),
    );
    // The full render (every optional service) is checked on its own: its objects share names.
    for (const inputs of [files, [files[0] ?? "", files[1] ?? "", everythingFile]]) {
      const result = run("gator", ["test", ...inputs.flatMap((f) => ["-f", f])]);
      expect(result.stdout + result.stderr).toBe("");
      expect(result.status).toBe(0);
    }
  });

  it("and reject objects that break them, one finding per policy at least", () => {
    const policies = write("policies.yaml", renderText("helm3", "croupier-policies", "eu"));
    const namespaces = write(
      "namespaces.yaml",
      renderText("helm3", "croupier-foundation", "eu")
        .split(/^---[ \t]*\n/m)
        .filter((doc) => /^kind: Namespace$/m.test(doc))
        .join("---\n"),
    );
    const result = run("gator", [
      "test",
      "-f",
      policies,
      "-f",
      namespaces,
      "-f",
      join(k8sRoot, "tests", "fixtures", "violations.yaml"),
      "-o",
      "json",
    ]);
    expect(result.status).not.toBe(0);
    const output = result.stdout;
    const expectations: Record<string, string> = {
      croupierrequiredprobes: "Deployment croupier-wallet/no-probes",
      croupiercontainerresources: "Job croupier-reporting/no-limits",
      croupierrequiredlabels: "Service croupier-player/unlabelled",
      croupierallowedimages: "Pod croupier-gaming/tagged-image",
      croupierreadonlyrootfs: "Pod croupier-gaming/writable-root",
      croupiernonroot: "Pod croupier-gaming/root-user",
      croupiernoinlinesecrets: "Secret croupier-wallet/inline",
    };
    const findings = (
      JSON.parse(output) as { constraint: { metadata: { name: string } }; msg: string }[]
    ).map((f) => `${f.constraint.metadata.name}: ${f.msg}`);
    for (const [constraint, object] of Object.entries(expectations)) {
      expect(findings.some((f) => f.startsWith(`${constraint}: `) && f.includes(object))).toBe(true);
    }
    // Nothing else in the fixture is flagged by a policy it was not written to break.
    for (const finding of findings) {
      const constraint = finding.split(":")[0] ?? "";
      expect(finding).toContain(expectations[constraint]);
    }
  });

  it("render ConstraintTemplates whose Rego is the unit-tested files, verbatim", () => {
    const templates = parseObjects(renderText("helm3", "croupier-policies", "eu")).filter(
      (o) => o.kind === "ConstraintTemplate",
    );
    expect(templates).toHaveLength(7);
    for (const template of templates) {
      const source = template.spec.targets[0].code[0].source;
      expect(source.version).toBe("v1");
      expect(source.rego).toMatch(new RegExp(`^(#[^\\n]*\\n)*package ${template.metadata.name}\\n`));
    }
  });
});
