// The ledger's invariants, checked over the whole database with SQL. Each query lists violations;
// all of them must come back empty.
import type { Sql } from "postgres";

export async function ledgerViolations(sql: Sql): Promise<Record<string, readonly unknown[]>> {
  const checks = {
    // every transaction's legs (player entries + house legs) sum to zero
    unbalancedTransactions: sql`
      select tx_id, sum(amount)::text as total from (
        select tx_id, amount from entries union all select tx_id, amount from house_entries
      ) legs group by tx_id having sum(amount) <> 0`,
    legsWithoutTransaction: sql`
      select l.tx_id from (select tx_id from entries union select tx_id from house_entries) l
      left join transactions t on t.tx_id = l.tx_id where t.tx_id is null`,
    // no balance below its floor, now or after any entry
    balancesBelowFloor: sql`
      select id from accounts where cash < cash_floor or bonus < 0 or held < 0`,
    entriesBelowFloor: sql`
      select e.account_id, e.seq from entries e join accounts a on a.id = e.account_id
      where e.cash_after < a.cash_floor or e.bonus_after < 0 or e.held_after < 0`,
    // every balance equals the sum of its entries, and each entry's balance-after is the running sum
    balancesNotSumOfEntries: sql`
      select a.id from accounts a left join (
        select account_id,
          sum(amount) filter (where bucket = 'cash') as cash,
          sum(amount) filter (where bucket = 'bonus') as bonus,
          sum(amount) filter (where bucket = 'held') as held
        from entries group by account_id
      ) s on s.account_id = a.id
      where a.cash <> coalesce(s.cash, 0) or a.bonus <> coalesce(s.bonus, 0) or a.held <> coalesce(s.held, 0)`,
    runningBalancesWrong: sql`
      select account_id, seq from (
        select account_id, seq, cash_after, bonus_after, held_after,
          sum(amount) filter (where bucket = 'cash') over w as cash,
          sum(amount) filter (where bucket = 'bonus') over w as bonus,
          sum(amount) filter (where bucket = 'held') over w as held
        from entries window w as (partition by account_id order by seq)
      ) r where cash_after <> coalesce(cash, 0) or bonus_after <> coalesce(bonus, 0) or held_after <> coalesce(held, 0)`,
    houseBalancesNotSumOfEntries: sql`
      select h.id from house_accounts h
      left join (select house_id, sum(amount) as total from house_entries group by house_id) e on e.house_id = h.id
      left join (select house_id, sum(amount) as total from house_pending group by house_id) p on p.house_id = h.id
      where h.balance + coalesce(p.total, 0) <> coalesce(e.total, 0)`,
    // every idempotency key applied at most once
    keysAppliedTwice: sql`
      select caller, idem_key, count(*)::int as n from transactions where idem_key is not null
      group by caller, idem_key having count(*) > 1`,
    storedKeysWithoutTransaction: sql`
      select k.caller, k.key from idempotency_keys k left join transactions t on t.tx_id = k.tx_id
      where k.tx_id is not null and t.tx_id is null`,
  };
  const entries = await Promise.all(
    Object.entries(checks).map(async ([name, query]) => [name, [...(await query)]] as const),
  );
  return Object.fromEntries(entries.filter(([, rows]) => rows.length > 0));
}
