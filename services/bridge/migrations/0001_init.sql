-- Provider registry: who may call the wallet endpoints, with which protocol and key.
create table providers (
  id text primary key,
  adapter text not null,
  name text not null,
  public_key_pem text not null,
  launch_url text,
  reports_url text,
  currencies text[] not null default '{}',
  enabled boolean not null default true,
  is_default boolean not null default false,
  timeout_ms integer not null default 2000,
  created_at timestamptz not null default now()
);
-- At most one default provider per adapter: the one used when the path names none.
create unique index providers_default_per_adapter on providers (adapter) where is_default;

create table games (
  provider_id text not null references providers (id),
  game_code text not null,
  name text not null,
  category text not null default 'slots',
  currencies text[] not null default '{}',
  rtp numeric(5, 2),
  enabled boolean not null default true,
  primary key (provider_id, game_code)
);

-- A provider session: the token handed to the provider at launch, bound to player, currency and game.
create table sessions (
  token text primary key,
  provider_id text not null references providers (id),
  player_id text not null,
  currency text not null,
  game_code text not null,
  jurisdiction text not null,
  platform_session_id text not null,
  expires_at timestamptz not null,
  created_at timestamptz not null default now()
);
create index sessions_player on sessions (player_id);

-- Every money transaction a provider sent, keyed by its own id, with what was asked (the
-- fingerprint) and what we answered, so a replay gets the original answer.
create table provider_transactions (
  provider_id text not null,
  transaction_uuid text not null,
  kind text not null check (kind in ('bet', 'win', 'rollback')),
  player_id text not null,
  currency text not null,
  amount bigint not null,
  round_id text not null,
  game_code text,
  reference_uuid text,
  fingerprint text not null,
  outcome text not null,
  balance bigint,
  ledger_tx_id text,
  created_at timestamptz not null default now(),
  primary key (provider_id, transaction_uuid)
);
create index provider_transactions_created on provider_transactions (provider_id, created_at);

-- The answer to each request id, so a duplicate request gets the very same response.
create table provider_requests (
  provider_id text not null,
  request_uuid text not null,
  endpoint text not null,
  response jsonb not null,
  created_at timestamptz not null default now(),
  primary key (provider_id, request_uuid)
);

create table rounds (
  provider_id text not null,
  round_ref text not null,
  round_id text not null unique,
  player_id text not null,
  currency text not null,
  game_code text,
  status text not null default 'open' check (status in ('open', 'closed')),
  bets integer not null default 0,
  wins integer not null default 0,
  rollbacks integer not null default 0,
  total_bet bigint not null default 0,
  total_win bigint not null default 0,
  opened_at timestamptz not null default now(),
  last_activity_at timestamptz not null default now(),
  closed_at timestamptz,
  close_reason text,
  opened_published boolean not null default false,
  closed_published boolean not null default false,
  primary key (provider_id, round_ref)
);
create index rounds_open_activity on rounds (last_activity_at) where status = 'open';
create index rounds_unpublished on rounds (opened_at) where not opened_published or (status = 'closed' and not closed_published);

-- Reconciliation findings: one row per mismatch between a provider report and our records.
create table reconciliation_mismatches (
  id bigserial primary key,
  run_id text not null,
  provider_id text not null,
  transaction_uuid text not null,
  kind text not null,
  detail jsonb not null,
  found_at timestamptz not null default now()
);
