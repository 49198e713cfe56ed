// Installs the Go-built server and tool binaries the platform needs into the git-ignored
// .tools/bin, pinned by scripts/tools/tools.json. A tool already at its pinned version is
// skipped, so repeated runs cost nothing.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot, toolsBin } from "../../shared/devstack/src/paths.ts";

interface ToolSpec {
  name: string;
  module: string;
  version: string;
  binary: string;
  rename?: string;
  env?: Record<string, string>;
}

const spec = JSON.parse(readFileSync(join(repoRoot, "scripts/tools/tools.json"), "utf8")) as {
  tools: ToolSpec[];
};
const args = process.argv.slice(2);
// --optional: used from npm's postinstall, where a missing Go must not fail `npm install`.
const optional = args.includes("--optional");
const only = args.filter((a) => !a.startsWith("--"));

function goAvailable(): boolean {
  return spawnSync("go", ["version"], { stdio: "ignore" }).status === 0;
}

function markerPath(tool: ToolSpec): string {
  return join(toolsBin, `.${tool.rename ?? tool.binary}.version`);
}

function installed(tool: ToolSpec): boolean {
  const marker = markerPath(tool);
  return (
    existsSync(join(toolsBin, tool.rename ?? tool.binary)) &&
    existsSync(marker) &&
    readFileSync(marker, "utf8").trim() === `${tool.module}@${tool.version}`
  );
}

mkdirSync(toolsBin, { recursive: true });
const wanted = spec.tools.filter((t) => only.length === 0 || only.includes(t.name));
const missing = wanted.filter((t) => !installed(t));
if (missing.length > 0 && !goAvailable()) {
  console.error(
    `Go is needed to build ${missing.map((t) => t.name).join(", ")} into ${toolsBin}.\n` +
      "Install Go 1.24+ (https://go.dev/dl/ or your package manager) and run `npm run tools:install` again.",
  );
  process.exit(optional ? 0 : 1);
}
let step = 0;
for (const tool of missing) {
  step += 1;
  const target = `${tool.module}@${tool.version}`;
  console.log(`[tools ${step}/${missing.length}] go install ${target} (first build takes a few minutes)`);
  const started = Date.now();
  try {
    execFileSync("go", ["install", target], {
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, GOBIN: toolsBin, CGO_ENABLED: "0", ...tool.env },
    });
  } catch {
    console.error(`Could not build ${target}. Check that the Go module proxy is reachable, then retry.`);
    process.exit(optional ? 0 : 1);
  }
  if (tool.rename) renameSync(join(toolsBin, tool.binary), join(toolsBin, tool.rename));
  writeFileSync(markerPath(tool), `${target}\n`);
  console.log(
    `[tools ${step}/${missing.length}] ${tool.rename ?? tool.binary} ready in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
}
if (missing.length === 0)
  console.log(`[tools] ${wanted.length} tool(s) already at their pinned versions in ${toolsBin}`);
