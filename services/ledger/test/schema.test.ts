// The drizzle schema (src/db/schema.ts) against the database the SQL migrations build: every table,
// column (name, position, type, nullability, default, identity), key, unique constraint, foreign
// key, check and index must be described the same way on both sides, so reads written against the
// schema can never drift from what actually runs.
import { createTestDatabase, type TestDatabase } from "@croupier/devstack/test-harness";
import { is, SQL } from "drizzle-orm";
import { getTableConfig, IndexedColumn, PgDialect, type PgTable } from "drizzle-orm/pg-core";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ledgerTables } from "../src/db/schema.ts";

let testDb: TestDatabase;
let sql: postgres.Sql;
beforeAll(async () => {
  testDb = await createTestDatabase("croupier_ledger");
  sql = postgres(testDb.url, { max: 1, onnotice: () => {} });
});
afterAll(async () => {
  await sql?.end();
  await testDb?.drop();
});

const tables = Object.values(ledgerTables).map((table) => getTableConfig(table as PgTable));
const dialect = new PgDialect();
// Code-point order, like PostgreSQL's `name` type.
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

interface ColumnRow {
  table: string;
  column: string;
  type: string;
  notNull: boolean;
  hasDefault: boolean;
  identity: string;
}
interface ConstraintRow {
  table: string;
  name: string;
  kind: string;
  columns: string[];
  foreignTable: string | null;
  foreignColumns: string[];
}
interface IndexRow {
  table: string;
  name: string;
  unique: boolean;
  method: string;
  partial: boolean;
  columns: string[];
}

// Tables of the public schema; schema_migrations is the migrator's bookkeeping, not the ledger's.
const ledgerRelations = `
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where n.nspname = 'public' and c.relkind = 'r' and c.relname <> 'schema_migrations'`;

const columnNames = (relation: string, numbers: string) => `
  array(select a.attname::text from unnest(${numbers}) with ordinality u(attnum, ord)
        join pg_attribute a on a.attrelid = ${relation} and a.attnum = u.attnum order by u.ord)`;

function databaseColumns() {
  return sql.unsafe<ColumnRow[]>(`
    select c.relname as table, a.attname as column, format_type(a.atttypid, a.atttypmod) as type,
           a.attnotnull as "notNull", a.atthasdef as "hasDefault", a.attidentity::text as identity
    from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r' and c.relname <> 'schema_migrations'
      and a.attnum > 0 and not a.attisdropped
    order by c.relname, a.attnum`);
}

function databaseConstraints() {
  return sql.unsafe<ConstraintRow[]>(`
    select c.relname as table, k.conname as name, k.contype::text as kind,
           ${columnNames("k.conrelid", "k.conkey")} as columns,
           f.relname as "foreignTable",
           ${columnNames("k.confrelid", "coalesce(k.confkey, '{}')")} as "foreignColumns"
    from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
    left join pg_class f on f.oid = k.confrelid
    where n.nspname = 'public' and c.relname <> 'schema_migrations' and k.contype in ('p', 'u', 'f', 'c')
    order by c.relname, k.conname`);
}

function databaseIndexes() {
  // Indexes that back a primary key or unique constraint are compared as those constraints.
  return sql.unsafe<IndexRow[]>(`
    select t.relname as table, i.relname as name, x.indisunique as unique, am.amname as method,
           x.indpred is not null as partial, ${columnNames("x.indrelid", "x.indkey::int2[]")} as columns
    from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
    join pg_namespace n on n.oid = t.relnamespace join pg_am am on am.oid = i.relam
    where n.nspname = 'public' and t.relname <> 'schema_migrations'
      and not exists (select 1 from pg_constraint k where k.conindid = x.indexrelid and k.contype in ('p', 'u'))
    order by t.relname, i.relname`);
}

function schemaColumns(): ColumnRow[] {
  const byName = [...tables].sort((a, b) => byText(a.name, b.name));
  return byName.flatMap((t) =>
    t.columns.map((c) => ({
      table: t.name,
      column: c.name,
      type: c.getSQLType(),
      notNull: c.notNull,
      hasDefault: c.hasDefault && !c.generatedIdentity,
      identity: c.generatedIdentity ? { always: "a", byDefault: "d" }[c.generatedIdentity.type] : "",
    })),
  );
}

function schemaConstraints(): ConstraintRow[] {
  const rows = tables.flatMap((t) => {
    const base = { table: t.name, foreignTable: null, foreignColumns: [] };
    return [
      ...t.columns
        .filter((c) => c.primary)
        .map((c) => ({ ...base, name: `${t.name}_pkey`, kind: "p", columns: [c.name] })),
      ...t.primaryKeys.map((k) => ({
        ...base,
        name: k.getName(),
        kind: "p",
        columns: k.columns.map((c) => c.name),
      })),
      ...t.columns
        .filter((c) => c.isUnique)
        .map((c) => ({ ...base, name: c.uniqueName ?? "", kind: "u", columns: [c.name] })),
      ...t.uniqueConstraints.map((u) => ({
        ...base,
        name: u.getName() ?? "",
        kind: "u",
        columns: u.columns.map((c) => c.name),
      })),
      ...t.foreignKeys.map((f) => {
        const ref = f.reference();
        return {
          table: t.name,
          name: f.getName(),
          kind: "f",
          columns: ref.columns.map((c) => c.name),
          foreignTable: getTableConfig(ref.foreignTable).name,
          foreignColumns: ref.foreignColumns.map((c) => c.name),
        };
      }),
      // Checks by name here; their expressions are compared by probeExpressions().
      ...t.checks.map((c) => ({ ...base, name: c.name, kind: "c", columns: ["(check)"] })),
    ];
  });
  return rows.sort((a, b) => byText(a.table, b.table) || byText(a.name, b.name));
}

function schemaIndexes(): IndexRow[] {
  return tables
    .flatMap((t) =>
      t.indexes.map((i) => ({
        table: t.name,
        name: i.config.name ?? "",
        unique: i.config.unique,
        method: i.config.method ?? "btree",
        partial: i.config.where !== undefined,
        columns: i.config.columns.map((c) => (is(c, IndexedColumn) ? (c.name ?? "") : "(expression)")),
      })),
    )
    .sort((a, b) => byText(a.table, b.table) || byText(a.name, b.name));
}

class Rollback extends Error {}

/**
 * PostgreSQL keeps checks and index predicates in a normalised form of its own, so each declared
 * expression is added next to the migrated one (inside a transaction that is rolled back) and the two
 * normalised forms are compared.
 */
async function probeExpressions() {
  const found: { name: string; declared: string; migrated: string }[] = [];
  const expression = (value: SQL) => {
    const query = dialect.sqlToQuery(value, "indexes"); // columns unqualified, as in DDL
    expect(query.params).toEqual([]);
    return query.sql;
  };
  await sql
    .begin(async (tx) => {
      for (const [n, t] of tables.entries()) {
        for (const [i, c] of t.checks.entries()) {
          const probe = `probe_${n}_${i}`;
          await tx.unsafe(
            `alter table ${t.name} add constraint ${probe} check (${expression(c.value)}) not valid`,
          );
          const rows = await tx.unsafe<{ name: string; definition: string }[]>(
            `select conname as name, pg_get_constraintdef(oid) as definition from pg_constraint
             where conrelid = '${t.name}'::regclass and conname in ('${c.name}', '${probe}')`,
          );
          const of = (name: string) =>
            rows.find((r) => r.name === name)?.definition.replace(/ NOT VALID$/, "");
          found.push({
            name: `${t.name}.${c.name}`,
            declared: of(probe) ?? "",
            migrated: of(c.name) ?? "(missing)",
          });
        }
        for (const [i, index] of t.indexes.entries()) {
          const where = index.config.where;
          if (!where) continue;
          const probe = `probe_${n}_index_${i}`;
          await tx.unsafe(`create index ${probe} on ${t.name} ((1)) where ${expression(where)}`);
          const rows = await tx.unsafe<{ name: string; predicate: string }[]>(
            `select c.relname as name, pg_get_expr(x.indpred, x.indrelid) as predicate
             from pg_index x join pg_class c on c.oid = x.indexrelid
             where c.relname in ('${index.config.name}', '${probe}')`,
          );
          const of = (name: string) => rows.find((r) => r.name === name)?.predicate;
          found.push({
            name: `${t.name}.${index.config.name}`,
            declared: of(probe) ?? "",
            migrated: of(index.config.name ?? "") ?? "(missing)",
          });
        }
      }
      throw new Rollback();
    })
    .catch((error: unknown) => {
      if (!(error instanceof Rollback)) throw error;
    });
  return found;
}

/** A drizzle default as an SQL expression, so PostgreSQL can compare it with the migrated one. */
function defaultExpression(value: unknown): string {
  if (is(value, SQL)) return dialect.sqlToQuery(value).sql;
  if (typeof value === "bigint" || typeof value === "number") return String(value);
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return `'${text.replaceAll("'", "''")}'`;
}

describe("drizzle schema matches the migrated database", () => {
  it("declares the same tables", async () => {
    const rows = await sql.unsafe<{ name: string }[]>(
      `select c.relname as name ${ledgerRelations} order by 1`,
    );
    expect(tables.map((t) => t.name).sort()).toEqual(rows.map((r) => r.name));
  });

  it("declares every column with its position, type, nullability, default and identity", async () => {
    expect(schemaColumns()).toEqual([...(await databaseColumns())]);
  });

  it("declares every column default with the value the migration gives it", async () => {
    const defaults = await sql.unsafe<{ table: string; column: string; type: string; expression: string }[]>(`
      select c.relname as table, a.attname as column, format_type(a.atttypid, a.atttypmod) as type,
             pg_get_expr(d.adbin, d.adrelid) as expression
      from pg_attrdef d join pg_attribute a on a.attrelid = d.adrelid and a.attnum = d.adnum
      join pg_class c on c.oid = d.adrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relname <> 'schema_migrations'`);
    expect(defaults.length).toBeGreaterThan(0);
    for (const d of defaults) {
      const column = tables.find((t) => t.name === d.table)?.columns.find((c) => c.name === d.column);
      const declared = defaultExpression(column?.default);
      // Both expressions are evaluated in one statement, so now() is the same instant on each side.
      const [row] = await sql.unsafe<{ same: boolean }[]>(
        `select (${d.expression})::${d.type} is not distinct from (${declared})::${d.type} as same`,
      );
      expect({ column: `${d.table}.${d.column}`, declared, same: row?.same }).toEqual({
        column: `${d.table}.${d.column}`,
        declared,
        same: true,
      });
    }
  });

  it("declares the same primary keys, unique constraints, foreign keys and checks", async () => {
    const rows = await databaseConstraints();
    const inDatabase = rows.map((r) => (r.kind === "c" ? { ...r, columns: ["(check)"] } : { ...r }));
    expect(schemaConstraints()).toEqual(inDatabase);
  });

  it("declares the same indexes (name, uniqueness, method, columns, partial or not)", async () => {
    expect(schemaIndexes()).toEqual([...(await databaseIndexes())]);
  });

  it("declares every check and partial-index predicate with the migration's expression", async () => {
    const found = await probeExpressions();
    expect(found.length).toBeGreaterThan(0);
    expect(found.map((f) => [f.name, f.declared])).toEqual(found.map((f) => [f.name, f.migrated]));
  });
});
