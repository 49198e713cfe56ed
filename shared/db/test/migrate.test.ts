import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dropDatabase, ensureDatabase, withDatabase } from "@croupier/devstack/databases";
import { testAdminUrl, uniqueSuffix } from "@croupier/devstack/test-harness";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { migrate } from "../src/migrate.ts";

const name = `t_migrate_${uniqueSuffix()}`;
afterAll(() => dropDatabase(testAdminUrl(), name));

describe("migrate on a real PostgreSQL", () => {
  it("applies each migration once, in order, and refuses an edited one", async () => {
    await ensureDatabase(testAdminUrl(), name);
    const url = withDatabase(testAdminUrl(), name);
    const dir = mkdtempSync(join(tmpdir(), "migrations-"));
    writeFileSync(join(dir, "0001_create.sql"), "create table things (id int primary key);");
    writeFileSync(join(dir, "0002_seed.sql"), "insert into things values (1);");
    writeFileSync(join(dir, "notes.txt"), "not a migration");

    expect(await migrate(url, dir)).toEqual({
      applied: ["0001_create.sql", "0002_seed.sql"],
      alreadyApplied: 0,
    });
    expect(await migrate(url, dir)).toEqual({ applied: [], alreadyApplied: 2 });

    writeFileSync(
      join(dir, "0003_broken.sql"),
      "insert into things values (2); select * from missing_table;",
    );
    await expect(migrate(url, dir)).rejects.toThrow(/missing_table/);
    const sql = postgres(url, { max: 1 });
    // The failed migration left nothing behind: it ran in one transaction.
    expect((await sql`select count(*)::int as n from things`)[0]?.n).toBe(1);
    await sql.end();

    writeFileSync(join(dir, "0003_broken.sql"), "insert into things values (2);");
    writeFileSync(join(dir, "0001_create.sql"), "create table things (id bigint primary key);");
    await expect(migrate(url, dir)).rejects.toThrow(/changed after it was applied/);
  });
});
