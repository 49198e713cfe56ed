// `npm start`: the whole platform on one machine. PostgreSQL and nats-server (embedded unless
// DATABASE_URL / NATS_URL say otherwise), migrations and seed data, every service, the edge in
// workerd, then a summary of every URL. Ctrl-C stops everything and leaves no process behind.
import { execFileSync } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import process from "node:process";
import { dataRoot, repoRoot } from "../shared/devstack/src/paths.ts";
import { serviceEnv } from "../shared/devstack/src/platform-env.ts";
import { isPortOpen, waitFor } from "../shared/devstack/src/ports.ts";
import { startProcess, stopAll } from "../shared/devstack/src/processes.ts";
import { prepareDatabases, provisionDataPlane, redactUrl } from "../shared/devstack/src/provision.ts";
import { deriveSecret, loadOrCreateMasterSecret } from "../shared/devstack/src/secrets.ts";
import { discoverServices } from "../shared/devstack/src/services.ts";

const started = Date.now();
const region = process.env.REGION ?? "eu";
const edgePort = Number(process.env.EDGE_PORT ?? 8787);
const logsDir = join(dataRoot, "logs");
const verbose = process.argv.includes("--verbose") || process.env.CROUPIER_VERBOSE === "1";
mkdirSync(logsDir, { recursive: true });

const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s`;
const say = (message: string) => console.log(`[${elapsed()}] ${message}`);

let stopping = false;
async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    say("stopping the platform…");
    await stopAll(10_000);
    await plane?.stop().catch(() => undefined);
    say("stopped; no process left behind");
  }
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

function logSink(name: string) {
  const file = createWriteStream(join(logsDir, `${name}.log`), { flags: "a" });
  return (line: string) => {
    file.write(`${line}\n`);
    if (verbose) console.log(`${name.padEnd(14)}| ${line}`);
  };
}

let plane: Awaited<ReturnType<typeof provisionDataPlane>> | undefined;
try {
  const services = discoverServices();
  say(
    `Croupier: ${services.length} service(s) found (${services.map((s) => s.name).join(", ") || "none"}); data in ${dataRoot}`,
  );
  if (!existsSync(join(repoRoot, "node_modules")))
    throw new Error("Dependencies are missing: run `npm install` first.");
  for (const port of [edgePort, ...services.map((s) => s.port)]) {
    if (await isPortOpen(port)) {
      throw new Error(
        `Port ${port} is already in use. Stop what listens there (an earlier \`npm start\`?) or set its *_PORT variable.`,
      );
    }
  }
  plane = await provisionDataPlane({
    dataDir: dataRoot,
    pgPort: Number(process.env.PG_PORT ?? 55432),
    natsPort: Number(process.env.NATS_PORT ?? 4222),
    externalDatabaseUrl: process.env.DATABASE_URL,
    externalNatsUrl: process.env.NATS_URL,
    onStep: say,
  });
  await prepareDatabases(plane, services, { onStep: say });

  const masterSecret = loadOrCreateMasterSecret(join(dataRoot, "secrets", "master.key"));
  const endpoints = {
    databaseUrlFor: plane.databaseUrlFor,
    natsUrl: plane.natsUrl,
    region,
    masterSecret,
    edgeUrl: `http://127.0.0.1:${edgePort}`,
    logLevel: process.env.LOG_LEVEL ?? "info",
  };

  for (const service of services) {
    const env = { ...process.env, ...serviceEnv(service, services, endpoints) };
    if (service.seed) {
      execFileSync(process.execPath, [service.seed], { env, stdio: ["ignore", "inherit", "inherit"] });
      say(`${service.name}: seed data loaded`);
    }
  }

  let index = 0;
  const total = services.length + (existsSync(join(repoRoot, "edge/dev-command.ts")) ? 1 : 0);
  for (const service of services) {
    index += 1;
    const env = { ...process.env, ...serviceEnv(service, services, endpoints) };
    const proc = startProcess(service.name, process.execPath, [join(service.dir, "src/main.node.ts")], {
      env,
      cwd: repoRoot,
      onOutput: logSink(service.name),
    });
    const url = `http://127.0.0.1:${service.port}/healthz/ready`;
    const exited = proc.exited.then((code) => {
      throw new Error(
        `${service.name} exited with code ${code} before it was ready; see ${join(logsDir, `${service.name}.log`)}`,
      );
    });
    await Promise.race([
      waitFor(`${service.name} (${url})`, async () => (await fetch(url)).ok, {
        timeoutMs: 60_000,
        intervalMs: 200,
      }),
      exited,
    ]);
    exited.catch(() => undefined);
    say(`[${index}/${total}] ${service.name} ready on http://127.0.0.1:${service.port}`);
    for (const extra of service.extraEntries) {
      startProcess(`${service.name}:${extra.name}`, process.execPath, [extra.entry], {
        env,
        cwd: repoRoot,
        onOutput: logSink(`${service.name}-${extra.name}`),
      });
      say(`      ${service.name}: ${extra.name} started`);
    }
  }

  if (existsSync(join(repoRoot, "edge/dev-command.ts"))) {
    index += 1;
    const { edgeDevCommand } = (await import(join(repoRoot, "edge/dev-command.ts"))) as {
      edgeDevCommand: (options: {
        port: number;
        origins: Record<string, string>;
        edgeSigningSecret: string;
        jwksUrl: string;
      }) => { command: string; args: string[]; env: Record<string, string> };
    };
    const playerApi = services.find((s) => s.name === "player-api");
    const origin = `http://127.0.0.1:${playerApi?.port ?? 8081}`;
    const command = edgeDevCommand({
      port: edgePort,
      origins: { [region]: origin },
      edgeSigningSecret: deriveSecret(masterSecret, "edge-signing"),
      jwksUrl: `${origin}/.well-known/jwks.json`,
    });
    const proc = startProcess("edge", command.command, command.args, {
      env: { ...process.env, ...command.env },
      cwd: repoRoot,
      onOutput: logSink("edge"),
    });
    const exited = proc.exited.then((code) => {
      throw new Error(`the edge (wrangler dev) exited with code ${code}; see ${join(logsDir, "edge.log")}`);
    });
    await Promise.race([
      waitFor("edge", async () => (await fetch(`http://127.0.0.1:${edgePort}/healthz/live`)).status < 500, {
        timeoutMs: 90_000,
        intervalMs: 300,
      }),
      exited,
    ]);
    exited.catch(() => undefined);
    say(`[${index}/${total}] edge (workerd) ready on http://127.0.0.1:${edgePort}`);
  }

  const rows: [string, string][] = [
    [
      "PostgreSQL",
      `${redactUrl(plane.adminUrl)}${plane.embedded.postgres ? " (embedded; password in .data/postgres.password)" : ""}`,
    ],
    ["NATS JetStream", plane.natsUrl],
  ];
  if (total > services.length) rows.unshift(["edge (players)", `http://127.0.0.1:${edgePort}`]);
  for (const s of services)
    rows.push([s.name, `http://127.0.0.1:${s.port}  (/healthz/ready, /metrics, /openapi.json)`]);
  console.log(`\nCroupier is running (${elapsed().trim()}). Logs: ${logsDir}\n`);
  for (const [name, url] of rows) console.log(`  ${name.padEnd(16)} ${url}`);
  console.log("\nPress Ctrl-C to stop everything.\n");
} catch (error) {
  console.error(`\nnpm start failed: ${(error as Error).message}`);
  await shutdown(1);
}
