// Discovers the platform's services from services/*/package.json ("croupier" field), so
// adding a service needs no change to the start or test scripts.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./paths.ts";

export interface ServiceManifest {
  /** Folder name, e.g. "player-api". */
  name: string;
  dir: string;
  port: number;
  /** Database this service owns, if any. */
  database?: string;
  migrationsDir?: string;
  /** Services allowed to call this one, with their roles. */
  callers: Record<string, string>;
  /** Start order; lower first. */
  order: number;
  /** Scripts run after migrations by `npm start` (idempotent seeds). */
  seed?: string;
  /** Extra processes the service brings (e.g. a relay or a simulator), started after it. */
  extraEntries: { name: string; entry: string }[];
}

interface CroupierField {
  port: number;
  database?: string;
  migrations?: string;
  callers?: Record<string, string>;
  order?: number;
  seed?: string;
  extraEntries?: { name: string; entry: string }[];
}

export function discoverServices(): ServiceManifest[] {
  const root = join(repoRoot, "services");
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, d.name, "package.json")))
    .map((d) => {
      const dir = join(root, d.name);
      const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { croupier?: CroupierField };
      return { name: d.name, dir, pkg: pkg.croupier };
    })
    .filter((s): s is { name: string; dir: string; pkg: CroupierField } => s.pkg !== undefined)
    .map(({ name, dir, pkg }) => ({
      name,
      dir,
      port: Number(process.env[`${envName(name)}_PORT`] ?? pkg.port),
      database: pkg.database,
      migrationsDir: pkg.migrations ? join(dir, pkg.migrations) : undefined,
      callers: pkg.callers ?? {},
      order: pkg.order ?? 50,
      seed: pkg.seed ? join(dir, pkg.seed) : undefined,
      extraEntries: (pkg.extraEntries ?? []).map((e) => ({ name: e.name, entry: join(dir, e.entry) })),
    }))
    .sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
}

/** "player-api" → "PLAYER_API". */
export function envName(service: string): string {
  return service.toUpperCase().replaceAll("-", "_");
}
