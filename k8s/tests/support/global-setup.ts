import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { chartsRoot, repoRoot } from "./tools.ts";

// Every test file runs in its own worker; rendering each chart once here, instead of once per
// worker, saves most of the suite's time. Anything that fails to render here (a missing tool) is
// simply not cached: the test files then render it themselves and fail with the real message.

const charts = ["croupier-policies", "croupier-foundation", "croupier"];
const regions = ["eu", "uk", "ca"];
const helms = ["helm3", "helm4"];

function render(helm: string, chart: string, region: string): Promise<string | undefined> {
  const binary = join(repoRoot, ".tools", "bin", helm);
  if (!existsSync(binary)) return Promise.resolve(undefined);
  const dir = join(chartsRoot, chart);
  const args = ["template", chart, dir, "--namespace", "croupier-reporting", "--kube-version", "1.32.0"];
  return new Promise((resolve) => {
    const child = spawn(binary, [...args, "-f", join(dir, `values-${region}.yaml`)], {
      env: {
        ...process.env,
        HELM_CACHE_HOME: join(repoRoot, ".tools", "helm-cache"),
        HELM_CONFIG_HOME: join(repoRoot, ".tools", "helm-config"),
        HELM_DATA_HOME: join(repoRoot, ".tools", "helm-data"),
      },
    });
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
    });
    child.on("error", () => resolve(undefined));
    child.on("exit", (code) => resolve(code === 0 ? out : undefined));
  });
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), "croupier-renders-"));
  const jobs = helms.flatMap((helm) =>
    charts.flatMap((chart) => regions.map((region) => ({ helm, chart, region }))),
  );
  // Two at a time: the machine has two cores and other suites run alongside.
  for (let i = 0; i < jobs.length; i += 2) {
    await Promise.all(
      jobs.slice(i, i + 2).map(async ({ helm, chart, region }) => {
        const text = await render(helm, chart, region);
        if (text !== undefined) writeFileSync(join(dir, `${helm}-${chart}-${region}.yaml`), text);
      }),
    );
  }
  project.provide("k8sRenderCache", dir);
  return () => rmSync(dir, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    k8sRenderCache: string;
  }
}
