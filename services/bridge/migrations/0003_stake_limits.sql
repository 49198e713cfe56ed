-- Stake limits of the provider registry, in units of the currency's scale. A provider's row is
-- the default for its games in that currency; a game's row replaces it for that game. A null
-- bound is no bound. A currency without a row has no stake limit in the bridge (the ledger's
-- responsible-gaming limits still apply).
create table provider_stake_limits (
  provider_id text not null references providers (id) on delete cascade,
  currency text not null,
  min_bet bigint check (min_bet >= 0),
  max_bet bigint check (max_bet >= 0),
  check (min_bet is null or max_bet is null or min_bet <= max_bet),
  primary key (provider_id, currency)
);

create table game_stake_limits (
  provider_id text not null,
  game_code text not null,
  currency text not null,
  min_bet bigint check (min_bet >= 0),
  max_bet bigint check (max_bet >= 0),
  check (min_bet is null or max_bet is null or min_bet <= max_bet),
  primary key (provider_id, game_code, currency),
  foreign key (provider_id, game_code) references games (provider_id, game_code) on delete cascade
);
