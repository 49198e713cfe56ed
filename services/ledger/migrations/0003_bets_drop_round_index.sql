-- No query reads bets by round: the index was write cost on every bet, and worse, with no
-- statistics yet (a new deployment) the planner could not tell it from the primary key and
-- cached generic plans that looked bets up through it, scanning every bet of the provider.
drop index bets_round;

-- Accounts are updated on every operation; room on each page lets PostgreSQL update them in
-- place (HOT) instead of writing a new index entry per update.
alter table accounts set (fillfactor = 85);
