// Applies a service's SQL migrations (`NNNN_name.sql`, in order) exactly once each, under an
// advisory lock so that several replicas starting together never race. A migration that was
// edited after it ran is refused: history is append-only (expand → migrate → contract).
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import postgres from "postgres";

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

const LOCK_KEY = 72_617_461; // arbitrary constant shared by every migrator of this project

export async function migrate(url: string, directory: string): Promise<MigrationResult> {
  if (!existsSync(directory)) return { applied: [], alreadyApplied: 0 };
  const files = readdirSync(directory)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort();
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql`select pg_advisory_lock(${LOCK_KEY})`;
    await sql`
      create table if not exists schema_migrations (
        name text primary key,
        checksum text not null,
        applied_at timestamptz not null default now()
      )`;
    const done = new Map(
      (await sql<{ name: string; checksum: string }[]>`select name, checksum from schema_migrations`).map(
        (r) => [r.name, r.checksum],
      ),
    );
    const applied: string[] = [];
    for (const file of files) {
      const text = readFileSync(join(directory, file), "utf8");
      const checksum = createHash("sha256").update(text).digest("hex");
      const previous = done.get(file);
      if (previous !== undefined) {
        if (previous !== checksum) {
          throw new Error(
            `Migration ${file} changed after it was applied. Add a new migration instead of editing an applied one.`,
          );
        }
        continue;
      }
      await sql.begin(async (tx) => {
        await tx.unsafe(text);
        await tx`insert into schema_migrations (name, checksum) values (${file}, ${checksum})`;
      });
      applied.push(file);
    }
    return { applied, alreadyApplied: files.length - applied.length };
  } finally {
    await sql`select pg_advisory_unlock(${LOCK_KEY})`.catch(() => undefined);
    await sql.end({ timeout: 5 });
  }
}
