import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** Repository root and the folders the checks read. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
export const k8sRoot = join(repoRoot, "k8s");
export const chartsRoot = join(k8sRoot, "charts");
export const schemasRoot = join(k8sRoot, "schemas");
const toolsBin = join(repoRoot, ".tools", "bin");

export type Tool = "helm3" | "helm4" | "kubeconform" | "opa" | "gator" | "nats-server";

/** Path of a project-installed tool; a missing binary fails the check with the fix. */
export function tool(name: Tool): string {
  const path = join(toolsBin, name);
  if (!existsSync(path)) {
    throw new Error(
      `${path} is missing: run \`npm run tools:install\` to build the pinned tools into .tools/bin`,
    );
  }
  return path;
}

export interface RunResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs a tool to completion; never throws on a non-zero exit (callers assert on it). */
export function run(name: Tool, args: string[], options: { input?: string; cwd?: string } = {}): RunResult {
  const result = spawnSync(tool(name), args, {
    cwd: options.cwd ?? repoRoot,
    input: options.input,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    env: {
      ...process.env,
      HELM_CACHE_HOME: join(repoRoot, ".tools", "helm-cache"),
      HELM_CONFIG_HOME: join(repoRoot, ".tools", "helm-config"),
      HELM_DATA_HOME: join(repoRoot, ".tools", "helm-data"),
    },
  });
  if (result.error) throw result.error;
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
