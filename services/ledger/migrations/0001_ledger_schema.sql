-- Ledger schema: double-entry accounts, immutable transactions and entries, bet state,
-- withdrawal holds, bonuses, idempotency records, transactional outbox.
-- Amounts are bigint units at the currency's fixed scale (EUR: 5 decimals).

-- How a bet is split between the cash and bonus buckets, per jurisdiction.
create table jurisdiction_rules (
  jurisdiction text primary key,
  bet_order text not null default 'cash_first' check (bet_order in ('cash_first', 'bonus_first'))
);
insert into jurisdiction_rules (jurisdiction, bet_order) values ('eu', 'cash_first'), ('uk', 'cash_first'), ('ca', 'cash_first');

-- Operator-side accounts, one per kind, jurisdiction and currency. Their entries are append-only
-- (house_entries); `balance` is the rolled-up part, house_pending holds what is not rolled up yet.
create table house_accounts (
  id text primary key, -- '<kind>:<jurisdiction>:<currency>'
  kind text not null check (kind in ('house', 'psp_clearing', 'bonus_liability', 'adjustments')),
  jurisdiction text not null,
  currency text not null,
  balance bigint not null default 0,
  rolled_up_at timestamptz
);

create table house_entries (
  tx_id text not null,
  house_id text not null,
  amount bigint not null,
  created_at timestamptz not null,
  primary key (tx_id, house_id)
);

-- Unindexed on purpose: every money operation appends here, the roll-up job deletes.
create table house_pending (
  house_id text not null,
  amount bigint not null
);

-- What player-api tells the ledger to enforce (status, exclusion, limits).
create table player_controls (
  player_id text primary key,
  status text not null default 'active' check (status in ('active', 'blocked', 'closed')),
  exclusion_kind text check (exclusion_kind in ('self_exclusion', 'cool_off')),
  exclusion_until timestamptz, -- null with a kind set: permanent
  limits_currency text,
  deposit_day bigint check (deposit_day >= 0),
  deposit_week bigint check (deposit_week >= 0),
  deposit_month bigint check (deposit_month >= 0),
  loss_day bigint check (loss_day >= 0),
  loss_week bigint check (loss_week >= 0),
  loss_month bigint check (loss_month >= 0),
  updated_at timestamptz not null default now()
);

create table accounts (
  id bigint generated always as identity primary key,
  player_id text not null,
  currency text not null,
  jurisdiction text not null,
  cash bigint not null default 0,
  bonus bigint not null default 0,
  held bigint not null default 0,
  cash_floor bigint not null default 0,
  tx_seq bigint not null default 0,
  entry_seq bigint not null default 0,
  chain_hash bytea not null default ''::bytea,
  -- Responsible-gaming counters of the current UTC day / ISO week / month (reset on roll-over).
  rg_day date,
  rg_week date,
  rg_month date,
  deposit_day bigint not null default 0,
  deposit_week bigint not null default 0,
  deposit_month bigint not null default 0,
  loss_day bigint not null default 0,
  loss_week bigint not null default 0,
  loss_month bigint not null default 0,
  created_at timestamptz not null default now(),
  unique (player_id, currency),
  check (cash >= cash_floor),
  check (bonus >= 0),
  check (held >= 0)
);

-- One row per committed transaction; each touches exactly one player account and is linked into
-- that account's hash chain (prev_hash → hash).
create table transactions (
  tx_id text primary key,
  kind text not null,
  reference text,
  account_id bigint not null references accounts (id),
  account_seq bigint not null,
  currency text not null,
  cash_after bigint not null,
  bonus_after bigint not null,
  held_after bigint not null,
  caller text not null,
  idem_key text,
  request_hash text not null,
  meta jsonb not null default '{}',
  created_at timestamptz not null,
  prev_hash bytea not null,
  hash bytea not null,
  unique (account_id, account_seq)
);
create unique index transactions_kind_reference on transactions (kind, reference) where reference is not null;

-- Player-side legs, with the balance of every bucket after each entry.
create table entries (
  account_id bigint not null,
  seq bigint not null,
  tx_id text not null,
  bucket text not null check (bucket in ('cash', 'bonus', 'held')),
  amount bigint not null,
  cash_after bigint not null,
  bonus_after bigint not null,
  held_after bigint not null,
  created_at timestamptz not null,
  primary key (account_id, seq)
);

create table bets (
  provider_id text not null,
  bet_id text not null,
  account_id bigint not null,
  round_id text,
  amount bigint not null default 0,
  cash_part bigint not null default 0,
  bonus_part bigint not null default 0,
  status text not null check (status in ('open', 'settled', 'rolled_back', 'tombstone')),
  tx_id text,
  rollback_tx_id text,
  request_hash text,
  created_at timestamptz not null default now(),
  primary key (provider_id, bet_id)
);
create index bets_round on bets (provider_id, round_id);

create table holds (
  withdrawal_id text primary key,
  hold_id text not null unique,
  account_id bigint not null,
  amount bigint not null check (amount > 0),
  status text not null check (status in ('pending', 'committed', 'released')),
  expires_at timestamptz not null,
  hold_tx_id text not null,
  final_tx_id text,
  request_hash text not null,
  created_at timestamptz not null default now()
);
create index holds_expiring on holds (expires_at) where status = 'pending';

create table bonuses (
  bonus_id text primary key,
  account_id bigint not null,
  amount bigint not null check (amount > 0),
  remaining bigint not null check (remaining >= 0),
  status text not null check (status in ('active', 'converted', 'forfeited')),
  grant_tx_id text not null,
  last_tx_id text,
  request_hash text not null,
  created_at timestamptz not null default now()
);

-- Idempotency records, scoped to the caller; kept at least 4 months (retention job deletes older).
create table idempotency_keys (
  caller text not null,
  key text not null,
  request_hash text not null,
  status smallint not null,
  response jsonb not null,
  tx_id text,
  created_at timestamptz not null default now(),
  primary key (caller, key)
);
create index idempotency_keys_created on idempotency_keys using brin (created_at);

-- Transactional outbox: written with the money, relayed to JetStream, deleted once acknowledged.
create table outbox (
  id bigint generated always as identity primary key,
  account_id bigint not null,
  subject text not null,
  payload jsonb not null,
  created_at timestamptz not null default now()
);
