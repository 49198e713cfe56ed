import type { Sql } from "postgres";

/** What the routes need: the database and the region they speak for. */
export interface RouteDeps {
  sql: Sql;
  region: string;
  holdTtlSeconds: number;
}
