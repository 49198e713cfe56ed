import type { Sql } from "postgres";
import type { OperationBatcher } from "../domain/operation-batcher.ts";

/** What the routes need: the database and the region they speak for. */
export interface RouteDeps {
  sql: Sql;
  region: string;
  holdTtlSeconds: number;
  batcher?: OperationBatcher | undefined;
}
