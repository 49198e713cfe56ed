// What integration tests use to reach the real servers that `npm test` provisioned:
// a fresh database per suite (cloned from a migrated template) and the shared nats-server.
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { dropDatabase, ensureDatabase, withDatabase } from "./databases.ts";
import { repoRoot } from "./paths.ts";
import { serviceEnv } from "./platform-env.ts";
import { freePort, waitFor } from "./ports.ts";
import { type ManagedProcess, startProcess } from "./processes.ts";
import { discoverServices, type ServiceManifest } from "./services.ts";

export const TEST_ENV = {
  adminUrl: "CROUPIER_TEST_PG_ADMIN_URL",
  natsUrl: "CROUPIER_TEST_NATS_URL",
  masterSecret: "CROUPIER_TEST_MASTER_SECRET",
} as const;

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(
      `${name} is not set. Integration tests need the servers that \`npm test\` provisions; run them with \`npm test\`.`,
    );
  }
  return value;
}

export function testAdminUrl(): string {
  return required(TEST_ENV.adminUrl);
}

export function testNatsUrl(): string {
  return required(TEST_ENV.natsUrl);
}

export function templateName(database: string): string {
  return `tpl_${database}`;
}

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** A fresh database for one suite, created from the service's migrated template. */
export async function createTestDatabase(database: string): Promise<TestDatabase> {
  const adminUrl = testAdminUrl();
  const name = `t_${database}_${randomBytes(5).toString("hex")}`;
  await ensureDatabase(adminUrl, name, templateName(database));
  return { url: withDatabase(adminUrl, name), name, drop: () => dropDatabase(adminUrl, name) };
}

/** A unique token for stream and subject names, so suites sharing one nats-server never collide. */
export function uniqueSuffix(): string {
  return randomBytes(4).toString("hex");
}

export interface RunningService {
  url: string;
  port: number;
  process: ManagedProcess;
  env: Record<string, string>;
  output: string[];
  stop(): Promise<void>;
}

/** Starts a service as a real process (Node 24), waits until it is ready. */
export async function startServiceProcess(
  name: string,
  options: { env?: Record<string, string>; databaseUrl?: string; entry?: string; waitReady?: boolean } = {},
): Promise<RunningService> {
  const all = discoverServices();
  const found = all.find((s) => s.name === name);
  if (!found) throw new Error(`no service named ${name}`);
  const port = await freePort();
  const service: ServiceManifest = { ...found, port };
  const env = {
    ...serviceEnv(service, all, {
      databaseUrlFor: (db) => withDatabase(testAdminUrl(), db),
      natsUrl: testNatsUrl(),
      region: "eu",
      masterSecret: required(TEST_ENV.masterSecret),
      logLevel: "warn",
    }),
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    ...options.env,
  };
  const output: string[] = [];
  const proc = startProcess(
    name,
    process.execPath,
    [options.entry ?? join(service.dir, "src/main.node.ts")],
    {
      env: { ...process.env, ...env },
      cwd: repoRoot,
      onOutput: (line) => {
        output.push(line);
        if (output.length > 500) output.shift();
      },
    },
  );
  const url = `http://127.0.0.1:${port}`;
  if (options.waitReady !== false) {
    const exited = proc.exited.then((code) => {
      throw new Error(`${name} exited with ${code}:\n${output.slice(-20).join("\n")}`);
    });
    await Promise.race([
      waitFor(name, async () => (await fetch(`${url}/healthz/ready`)).ok, { timeoutMs: 30_000 }),
      exited,
    ]);
    exited.catch(() => undefined);
  }
  return { url, port, process: proc, env, output, stop: () => proc.stop(10_000) };
}
