// A drizzle query builder over the ledger's postgres.js pool, typed by the ledger schema.
import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import type { Sql } from "postgres";
import { ledgerTables } from "./schema.ts";

export type LedgerDb = PostgresJsDatabase<typeof ledgerTables>;

// One builder per pool, made on first use: routes are also registered without a database (to
// generate the OpenAPI document), and drizzle adjusts the pool's type parsers when it is built.
const builders = new WeakMap<Sql, LedgerDb>();

export function ledgerDb(sql: Sql): LedgerDb {
  let db = builders.get(sql);
  if (!db) {
    db = drizzle(sql, { schema: ledgerTables });
    builders.set(sql, db);
  }
  return db;
}
