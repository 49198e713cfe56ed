// Brings up the data plane for one machine: PostgreSQL and nats-server, either embedded
// (started here) or external (DATABASE_URL / NATS_URL). `npm start` and `npm test` share it.
import { join } from "node:path";
import { migrate } from "../../db/src/migrate.ts";
import { ensureDatabase, withDatabase } from "./databases.ts";
import { startNats } from "./nats.ts";
import { startPostgres } from "./postgres.ts";
import type { ServiceManifest } from "./services.ts";

export interface DataPlane {
  adminUrl: string;
  databaseUrlFor(database: string): string;
  natsUrl: string;
  embedded: { postgres: boolean; nats: boolean };
  stop(): Promise<void>;
}

export interface ProvisionOptions {
  dataDir: string;
  pgPort: number;
  natsPort: number;
  externalDatabaseUrl?: string;
  externalNatsUrl?: string;
  /** Throwaway clusters trade durability for speed (tests only). */
  throwaway?: boolean;
  onStep?: (message: string) => void;
}

export async function provisionDataPlane(options: ProvisionOptions): Promise<DataPlane> {
  const step = options.onStep ?? (() => {});
  const stops: (() => Promise<void>)[] = [];
  try {
    let adminUrl: string;
    if (options.externalDatabaseUrl) {
      adminUrl = options.externalDatabaseUrl;
      step(`PostgreSQL: using external server ${redactUrl(adminUrl)}`);
    } else {
      step(`PostgreSQL: starting embedded server on 127.0.0.1:${options.pgPort}`);
      const pg = await startPostgres({
        dataDir: join(options.dataDir, "postgres"),
        port: options.pgPort,
        settings: options.throwaway
          ? { fsync: "off", synchronous_commit: "off", full_page_writes: "off" }
          : {},
      });
      stops.push(pg.stop);
      adminUrl = pg.adminUrl;
    }
    let natsUrl: string;
    if (options.externalNatsUrl) {
      natsUrl = options.externalNatsUrl;
      step(`NATS: using external server ${natsUrl}`);
    } else {
      step(`NATS: starting nats-server with JetStream on 127.0.0.1:${options.natsPort}`);
      const nats = await startNats({ port: options.natsPort, storeDir: join(options.dataDir, "jetstream") });
      stops.push(nats.stop);
      natsUrl = nats.url;
    }
    return {
      adminUrl,
      databaseUrlFor: (database) => withDatabase(adminUrl, database),
      natsUrl,
      embedded: { postgres: !options.externalDatabaseUrl, nats: !options.externalNatsUrl },
      async stop() {
        for (const stop of stops.reverse()) await stop();
      },
    };
  } catch (error) {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    throw error;
  }
}

/** Creates each service's database if needed and applies its migrations. */
export async function prepareDatabases(
  plane: Pick<DataPlane, "adminUrl" | "databaseUrlFor">,
  services: ServiceManifest[],
  options: { onStep?: (message: string) => void; nameFor?: (database: string) => string } = {},
): Promise<void> {
  for (const service of services) {
    if (!service.database) continue;
    const name = options.nameFor ? options.nameFor(service.database) : service.database;
    const created = await ensureDatabase(plane.adminUrl, name);
    if (!service.migrationsDir) continue;
    const result = await migrate(plane.databaseUrlFor(name), service.migrationsDir);
    options.onStep?.(
      `${service.name}: database ${name} ${created ? "created" : "present"}, ` +
        `${result.applied.length} migration(s) applied, ${result.alreadyApplied} already in place`,
    );
  }
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "****";
    return parsed.toString();
  } catch {
    return "<unparseable URL>";
  }
}
