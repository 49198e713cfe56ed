// The rules migration 0008 moved from table checks into types (enum columns, a non-negative domain)
// must still refuse bad values on every write path: plain SQL and the ledger functions themselves.
import { createTestDatabase, type TestDatabase } from "@croupier/devstack/test-harness";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let testDb: TestDatabase;
let sql: postgres.Sql;
let accountId: string;
beforeAll(async () => {
  testDb = await createTestDatabase("croupier_ledger");
  sql = postgres(testDb.url, { max: 1, onnotice: () => {} });
  await sql`select ledger_open_account('ply_types', 'EUR', 'eu')`;
  await sql`select ledger_deposit('cashier', 'k-types', 'h', 'tx_types_seed', 'evt_types_seed', '{"region":"eu"}',
    'ply_types', 'EUR', 1000, 'dep-types', 'psp', 'ref')`;
  const [row] = await sql<{ id: string }[]>`select id::text from accounts where player_id = 'ply_types'`;
  accountId = row?.id ?? "";
});
afterAll(async () => {
  await sql?.end();
  await testDb?.drop();
});

describe("rules kept by types", () => {
  it("refuses a negative bonus or held balance written by plain SQL", async () => {
    await expect(sql`update accounts set bonus = -1 where id = ${accountId}::bigint`).rejects.toThrow(
      /ledger_nonnegative_units/,
    );
    await expect(sql`update accounts set held = held - 1 where id = ${accountId}::bigint`).rejects.toThrow(
      /ledger_nonnegative_units/,
    );
  });

  it("refuses a posting that would take the bonus bucket below zero inside the ledger functions", async () => {
    const posting = sql`
      select ledger_post(a, 'tx_types_bad', 'evt_types_bad', 'adjustment', null, 'cashier', null, 'h',
        0, -1, 0, 'adjustments', '{}', '{"region":"eu"}')
      from accounts a where a.id = ${accountId}::bigint`;
    await expect(posting).rejects.toThrow(/ledger_nonnegative_units/);
    const [row] = await sql<
      { n: number }[]
    >`select count(*)::int as n from transactions where tx_id = 'tx_types_bad'`;
    expect(row?.n).toBe(0);
  });

  it("refuses an entry bucket or bet status outside their vocabularies", async () => {
    await expect(
      sql`insert into entries values (${accountId}::bigint, 999, 'tx_x', 'house', 1, 0, 0, 0, now())`,
    ).rejects.toThrow(/invalid input value for enum ledger_bucket/);
    await expect(
      sql`insert into bets (provider_id, bet_id, account_id, status) values ('p', 'b', ${accountId}::bigint, 'void')`,
    ).rejects.toThrow(/invalid input value for enum ledger_bet_status/);
  });

  it("still refuses cash below the account's floor (a table check across two columns)", async () => {
    await expect(
      sql`update accounts set cash = cash_floor - 1 where id = ${accountId}::bigint`,
    ).rejects.toThrow(/accounts_check/);
  });
});
