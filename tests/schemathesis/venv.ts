// The project-local Python virtual environment (.venv/ at the repository root, git-ignored and
// outside Biome's scope) with the pinned schemathesis from PyPI; created on first use and reused
// while requirements.txt is unchanged.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));
const venv = join(here, "..", "..", ".venv");
const requirements = join(here, "requirements.txt");
const stamp = join(venv, "requirements.installed");

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(" ")} failed (${result.status}):\n${result.stdout}\n${result.stderr}`,
    );
  }
}

/** The path of the `st` (schemathesis) command, installing it first if needed. */
export function ensureSchemathesis(): string {
  const wanted = readFileSync(requirements, "utf8");
  const st = join(venv, "bin", "st");
  if (existsSync(st) && existsSync(stamp) && readFileSync(stamp, "utf8") === wanted) return st;
  if (!existsSync(join(venv, "bin", "python"))) run("python3", ["-m", "venv", venv]);
  run(join(venv, "bin", "python"), [
    "-m",
    "pip",
    "install",
    "--quiet",
    "--disable-pip-version-check",
    "-r",
    requirements,
  ]);
  writeFileSync(stamp, wanted);
  return st;
}
