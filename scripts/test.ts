// `npm test`: provisions throwaway PostgreSQL and nats-server on free ports (the same code as
// `npm start`), migrates a template database per service, runs every Vitest project (unit,
// integration, workerd) and the Deno smoke suite, and tears it all down even when tests fail.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import process from "node:process";
import { repoRoot } from "../shared/devstack/src/paths.ts";
import { freePort } from "../shared/devstack/src/ports.ts";
import { stopAll } from "../shared/devstack/src/processes.ts";
import { prepareDatabases, provisionDataPlane } from "../shared/devstack/src/provision.ts";
import { discoverServices } from "../shared/devstack/src/services.ts";
import { TEST_ENV, templateName } from "../shared/devstack/src/test-harness.ts";

const started = Date.now();
const say = (message: string) =>
  console.log(`[test ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);
const vitestArgs = process.argv.slice(2);

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolveRun) => {
    const child = spawn(command, args, { cwd: repoRoot, env, stdio: "inherit" });
    child.on("exit", (code, signal) => resolveRun(code ?? (signal ? 1 : 0)));
    child.on("error", () => resolveRun(1));
  });
}

const bin = (name: string) => join(repoRoot, "node_modules/.bin", name);
const workDir = mkdtempSync(join(tmpdir(), "croupier-test-"));
chmodSync(workDir, 0o755);
let plane: Awaited<ReturnType<typeof provisionDataPlane>> | undefined;
let exitCode = 1;
const tally = { passed: 0, failed: 0 };

async function cleanup() {
  await stopAll(5_000);
  await plane?.stop().catch(() => undefined);
  rmSync(workDir, { recursive: true, force: true });
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => void cleanup().then(() => process.exit(130)));
}

try {
  if (vitestArgs.length === 0) {
    say(
      "static checks: Biome (lint and format), TypeScript (strict), wrangler deploy --dry-run (staging, production)",
    );
    for (const [name, command, args] of [
      ["biome", bin("biome"), ["ci", "--max-diagnostics=30", "."]],
      ["typecheck", bin("tsc"), ["-p", "tsconfig.json", "--noEmit"]],
      // The edge must bundle and validate for both deployed environments.
      ["wrangler deploy --dry-run", "npm", ["run", "--silent", "deploy:edge:dry-run"]],
    ] as const) {
      const code = await run(command, [...args], process.env);
      if (code === 0) tally.passed += 1;
      else {
        tally.failed += 1;
        console.error(`${name} failed: fix the findings above (\`npm run format\` fixes formatting).`);
      }
    }
  }
  say("installing pinned tools (cached after the first run)");
  if ((await run(process.execPath, [join(repoRoot, "scripts/tools/install.ts")], process.env)) !== 0) {
    throw new Error("tool installation failed");
  }
  plane = await provisionDataPlane({
    dataDir: workDir,
    pgPort: await freePort(),
    natsPort: await freePort(),
    throwaway: true,
    onStep: say,
  });
  const services = discoverServices();
  await prepareDatabases(plane, services, { onStep: say, nameFor: templateName });

  const env = {
    ...process.env,
    [TEST_ENV.adminUrl]: plane.adminUrl,
    [TEST_ENV.natsUrl]: plane.natsUrl,
    [TEST_ENV.masterSecret]: randomBytes(32).toString("base64url"),
  };
  const report = join(workDir, "vitest.json");
  say("running Vitest projects (unit, integration, workerd)");
  const vitestCode = await run(
    bin("vitest"),
    ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...vitestArgs],
    env,
  );
  if (existsSync(report)) {
    const result = JSON.parse(readFileSync(report, "utf8")) as {
      numPassedTests: number;
      numFailedTests: number;
    };
    tally.passed += result.numPassedTests;
    tally.failed += result.numFailedTests;
  }
  if (vitestCode !== 0 && tally.failed === 0) tally.failed += 1; // a suite failed to load or run

  if (vitestArgs.length === 0) {
    say("running the Deno smoke suite (the same service apps under Deno)");
    const denoCode = await run(bin("deno"), ["test", "--allow-all", "--no-check", "tests/deno/"], env);
    if (denoCode === 0) tally.passed += 1;
    else tally.failed += 1;
  }
  exitCode = tally.failed === 0 ? 0 : 1;
} catch (error) {
  console.error(`\nnpm test could not run: ${(error as Error).message}`);
  tally.failed += 1;
} finally {
  await cleanup();
}
console.log(`\n${tally.passed} passed, ${tally.failed} failed`);
process.exit(exitCode);
