-- Integrity rules a money operation can keep without PostgreSQL re-reading them on every statement.
--
-- PostgreSQL compiles a table's CHECK constraints from their stored text each time a statement that
-- writes the table starts (parse the stored expression, plan it, build its evaluator); nothing of
-- that is kept between executions, and a bet writes accounts (three checks), entries and bets. That
-- was about a sixth of a bet's database CPU. The same rules now live where they cost nothing per
-- statement, and stay enforced on every write path, the ledger functions and plain SQL alike:
--   * fixed vocabularies (entries.bucket, bets.status) are enum types: a literal in a function is
--     converted once, when its plan is made, and any other value is refused on input;
--   * "never below zero" for the bonus and held buckets is a domain, checked whenever a value is
--     converted to it: each assignment to those fields in the ledger functions, and any SQL that
--     writes the columns.
-- accounts keeps its table check cash >= cash_floor: it spans two columns, which no type can hold.
-- Rewrites entries and bets once (enum columns store a different representation than text).

create type ledger_bucket as enum ('cash', 'bonus', 'held');
create type ledger_bet_status as enum ('open', 'settled', 'rolled_back', 'tombstone');
create domain ledger_nonnegative_units as bigint check (value >= 0);

alter table entries
  drop constraint entries_bucket_check,
  alter column bucket type ledger_bucket using bucket::ledger_bucket;

alter table bets
  drop constraint bets_status_check,
  alter column status type ledger_bet_status using status::ledger_bet_status;

alter table accounts
  drop constraint accounts_bonus_check,
  drop constraint accounts_held_check,
  alter column bonus type ledger_nonnegative_units,
  alter column held type ledger_nonnegative_units;

-- These build answers with jsonb_build_object, which is stable, not immutable. Declared immutable,
-- the planner refused to inline them, so every answer went through the SQL-function executor.
alter function ledger_ok(int, jsonb) stable;
alter function ledger_err(text, text, jsonb) stable;
alter function ledger_balance(accounts) stable;
