import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres, { type Sql } from "postgres";

export interface Database<TSchema extends Record<string, unknown> = Record<string, never>> {
  /** postgres.js client, for hand-written SQL on hot paths. */
  sql: Sql;
  /** drizzle query builder over the same pool. */
  db: PostgresJsDatabase<TSchema>;
  /** True when a trivial query succeeds within the timeout. */
  ping(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

export interface CreateDatabaseOptions<TSchema extends Record<string, unknown>> {
  url: string;
  schema?: TSchema;
  maxConnections?: number;
  applicationName?: string;
}

export function createDatabase<TSchema extends Record<string, unknown> = Record<string, never>>(
  options: CreateDatabaseOptions<TSchema>,
): Database<TSchema> {
  const sql = postgres(options.url, {
    max: options.maxConnections ?? 10,
    idle_timeout: 30,
    connect_timeout: 10,
    onnotice: () => {},
    connection: { application_name: options.applicationName ?? "croupier" },
    // bigint columns (money) come back as BigInt, so no amount ever passes through a float.
    types: { bigint: postgres.BigInt },
  });
  const db = drizzle(sql, { schema: options.schema ?? ({} as TSchema) });
  return {
    sql,
    db,
    async ping(timeoutMs = 2_000) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      try {
        const timeout = new Promise<false>((resolve) => {
          timer = setTimeout(() => resolve(false), timeoutMs);
        });
        return await Promise.race([sql`select 1`.then(() => true), timeout]);
      } catch {
        return false;
      } finally {
        clearTimeout(timer);
      }
    },
    close: () => sql.end({ timeout: 5 }),
  };
}
