-- Auto-analyze thresholds for the tables every operation writes.
--
-- Each ANALYZE invalidates the cached plans of every ledger function statement that reads or writes
-- the table, in every connection, and they all re-plan on their next call: under load that is a
-- latency spike each time. With the default threshold (10 % of the rows changed) that happened every
-- few seconds: `accounts` is updated by every operation, and the append-only tables grow by 10 % in
-- seconds while they are young. None of these tables needs fresh statistics to be planned well: every
-- statement on them looks rows up by key. Analyse `accounts` after modifications amounting to twice
-- the table, and the append-only tables when they have doubled. Vacuum thresholds are unchanged.
alter table accounts set (autovacuum_analyze_scale_factor = 2.0);
alter table transactions set (autovacuum_analyze_scale_factor = 1.0);
alter table entries set (autovacuum_analyze_scale_factor = 1.0);
alter table house_entries set (autovacuum_analyze_scale_factor = 1.0);
alter table idempotency_keys set (autovacuum_analyze_scale_factor = 1.0);
alter table bets set (autovacuum_analyze_scale_factor = 1.0);
