-- Only wins, deposits and adjustments are looked up (and kept unique) by their reference on the
-- transaction row; bets, rollbacks, holds and bonuses are keyed by their own tables. Indexing the
-- other kinds cost an index insertion on every bet for a uniqueness `bets` already enforces.
drop index transactions_kind_reference;
create unique index transactions_kind_reference on transactions (kind, reference)
  where kind in ('win', 'deposit', 'adjustment') and reference is not null;
