import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseObjects, renderText } from "./support/render.ts";
import { repoRoot } from "./support/tools.ts";

interface Job {
  needs?: string | string[];
  permissions?: Record<string, string>;
  strategy?: { matrix?: { service?: string[] } };
  steps: { uses?: string; run?: string; name?: string }[];
}
interface Workflow {
  permissions: Record<string, string>;
  env?: Record<string, string>;
  jobs: Record<string, Job>;
}

const read = (name: string) => readFileSync(join(repoRoot, ".github/workflows", name), "utf8");
const ci = parse(read("ci.yml")) as Workflow;
const release = parse(read("release.yml")) as Workflow;

describe("CI/CD pipeline definitions", () => {
  it.each(["ci.yml", "release.yml"])("%s pins every action to a full commit SHA", (name) => {
    const uses = [...read(name).matchAll(/uses: (\S+)(.*)/g)];
    expect(uses.length).toBeGreaterThan(2);
    for (const [, action, comment] of uses) {
      expect(action).toMatch(/^[\w-]+\/[\w-]+@[a-f0-9]{40}$/);
      expect(comment).toMatch(/# v\d+\.\d+\.\d+/);
    }
  });

  it("releases in order: build, test, sast, sbom, sign, push, gitops bump", () => {
    const order = ["build", "test", "sast", "sbom", "sign", "push", "gitops-bump"];
    expect(Object.keys(release.jobs)).toEqual(order);
    order.slice(1).forEach((job, i) => {
      expect(release.jobs[job]?.needs, job).toBe(order[i]);
    });
  });

  it("grants nothing by default and the OIDC token to the signing job only", () => {
    expect(release.permissions).toEqual({});
    expect(ci.permissions).toEqual({ contents: "read" });
    for (const [name, job] of Object.entries(release.jobs)) {
      expect(job.permissions, name).toBeDefined();
      expect(job.permissions?.["id-token"] === "write", name).toBe(name === "sign");
    }
  });

  it("builds, signs and pushes an image for every service with a workspace, from its Dockerfile", () => {
    const services = release.jobs.build?.strategy?.matrix?.service ?? [];
    expect(services).toEqual(expect.arrayContaining(["ledger", "player-api", "bridge"]));
    for (const job of ["sbom", "sign", "push"])
      expect(release.jobs[job]?.strategy?.matrix?.service).toEqual(services);
    expect(ci.jobs.images?.strategy?.matrix?.service).toEqual(services);
    for (const service of services) {
      expect(existsSync(join(repoRoot, "infra/docker", `${service}.Dockerfile`))).toBe(true);
      expect(existsSync(join(repoRoot, "services", service)), `services/${service}`).toBe(true);
    }
  });

  it("signs keylessly with cosign, attests the SPDX SBOM, and verifies both before publishing", () => {
    const sign = release.jobs.sign?.steps.map((s) => s.run ?? "").join("\n") ?? "";
    expect(sign).toMatch(/cosign sign --yes "\$\{repo\}@\$\{digest\}"/);
    expect(sign).toMatch(/cosign attest --yes --type spdxjson --predicate sbom\.spdx\.json/);
    const push = release.jobs.push?.steps.map((s) => s.run ?? "").join("\n") ?? "";
    expect(push.indexOf("cosign verify ")).toBeLessThan(push.indexOf("crane tag"));
    expect(push.indexOf("cosign verify-attestation")).toBeLessThan(push.indexOf("crane tag"));
    const sbom = release.jobs.sbom?.steps.map((s) => s.run ?? "").join("\n") ?? "";
    expect(sbom).toMatch(/syft scan .* -o "spdx-json=sbom\.spdx\.json"/);
    expect(sbom).toMatch(/grype .*--fail-on high/);
  });

  it("signs with the identity the clusters' image policy admits", () => {
    const policy = parseObjects(renderText("helm3", "croupier-policies", "eu")).find(
      (o) => o.kind === "ClusterImagePolicy",
    );
    const keyless = policy?.spec.authorities[0].keyless;
    const subject = "https://github.com/croupier/croupier/.github/workflows/release.yml@refs/heads/main";
    expect(subject).toMatch(new RegExp(release.env?.SIGNER_IDENTITY ?? "^$"));
    expect(subject).toMatch(new RegExp(keyless.identities[0].subjectRegExp));
    expect(keyless.identities[0].issuer).toBe(release.env?.SIGNER_ISSUER);
    expect("https://github.com/someone/fork/.github/workflows/release.yml@refs/heads/main").not.toMatch(
      new RegExp(keyless.identities[0].subjectRegExp),
    );
  });

  it("bumps the digests the chart deploys, and re-runs the Kubernetes checks on the result", () => {
    const bump = release.jobs["gitops-bump"]?.steps.map((s) => s.run ?? "").join("\n") ?? "";
    // The shell expands these variables, not this test.
    const shellVariable = (name: string) => ["$", "{", name, "}"].join("");
    expect(bump).toContain(
      `.images.\\"${shellVariable("service")}\\".digest = \\"${shellVariable("digest")}\\"`,
    );
    expect(bump).toContain("k8s/charts/croupier/values.yaml");
    expect(bump).toContain("npx vitest run --project k8s");
    const values = parse(readFileSync(join(repoRoot, "k8s/charts/croupier/values.yaml"), "utf8"));
    for (const service of release.jobs.build?.strategy?.matrix?.service ?? []) {
      expect(values.images[service].digest).toMatch(/^sha256:[a-f0-9]{64}$/);
    }
  });

  it("runs the whole test suite, static analysis and an image smoke test on every change", () => {
    const test = ci.jobs.test?.steps.map((s) => s.run ?? "").join("\n");
    expect(test).toContain("npm ci");
    expect(test).toContain("npm run tools:install");
    expect(test).toContain("npm test");
    expect(ci.jobs.sast?.steps.map((s) => s.run ?? "").join("\n")).toContain("semgrep scan --error");
    expect(ci.jobs.images?.steps.map((s) => s.run ?? "").join("\n")).toMatch(
      /docker run --rm --read-only .*--user 65532:65532 --cap-drop ALL/s,
    );
  });
});
