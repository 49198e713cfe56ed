-- Wins without a bet id settle every bet of a round; they find them through the player's account.
-- The former index began with provider_id, like the primary key: with no statistics yet (a new
-- deployment) the planner could not tell the two apart and cached generic plans that looked a bet
-- up through it, reading every bet of the provider. Leading with account_id, it can only serve
-- round look-ups.
drop index bets_round;
create index bets_account_round on bets (account_id, round_id);

-- Accounts are updated on every operation; room on each page lets PostgreSQL update them in
-- place (HOT) instead of writing a new index entry per update.
alter table accounts set (fillfactor = 85);
