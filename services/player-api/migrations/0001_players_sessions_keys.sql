-- Players of this home region, their session families and rotating refresh tokens, the signing
-- keys of access tokens (private parts encrypted), responsible-gaming limits, back-office staff
-- and the append-only audit trail of staff actions.

create table players (
  id text primary key,
  email text not null,
  email_normalized text not null unique,
  password_hash text not null,
  date_of_birth date not null,
  country text not null,
  jurisdiction text not null,
  region text not null,
  currency text not null,
  status text not null default 'active' check (status in ('active', 'blocked', 'closed')),
  -- Bumped to revoke every access token minted before; the edge compares it with the `sep` claim.
  session_epoch integer not null default 0 check (session_epoch >= 0),
  exclusion_kind text check (exclusion_kind in ('self_exclusion', 'cool_off')),
  exclusion_until timestamptz,
  exclusion_permanent boolean not null default false,
  reality_check_minutes integer check (reality_check_minutes between 5 and 240),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- One row per login: the family of refresh tokens rotated from it.
create table sessions (
  id text primary key,
  player_id text not null references players (id),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz,
  revoked_reason text
);
create index sessions_live_by_player on sessions (player_id) where revoked_at is null;

create table refresh_tokens (
  token_hash bytea primary key,
  session_id text not null references sessions (id),
  generation integer not null,
  issued_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);
create index refresh_tokens_by_session on refresh_tokens (session_id);

create table signing_keys (
  kid text primary key,
  algorithm text not null default 'ES256',
  public_jwk jsonb not null,
  -- Envelope encryption: a fresh data key per signing key, wrapped by the key-encryption key kek_id.
  kek_id text not null,
  wrapped_data_key bytea not null,
  private_key_iv bytea not null,
  private_key_ciphertext bytea not null,
  created_at timestamptz not null default now(),
  -- Published in the JWKS from creation; signs from activates_at until a newer key activates.
  activates_at timestamptz not null,
  -- Emergency withdrawal (compromise): unpublished and never used again.
  revoked_at timestamptz
);

create table player_limits (
  player_id text not null references players (id),
  kind text not null check (kind in ('deposit', 'loss', 'session_time')),
  period text not null check (period in ('day', 'week', 'month', 'session')),
  -- Amount in units of the player's currency, or minutes for session_time; null = no limit.
  current_value bigint check (current_value >= 0),
  has_pending boolean not null default false,
  pending_value bigint check (pending_value >= 0),
  pending_effective_at timestamptz,
  updated_at timestamptz not null default now(),
  primary key (player_id, kind, period)
);
create index player_limits_pending on player_limits (pending_effective_at) where has_pending;

create table staff (
  id text primary key,
  email text not null unique,
  name text not null,
  roles text[] not null,
  token_hash bytea not null unique,
  created_at timestamptz not null default now(),
  disabled_at timestamptz
);

create table audit_log (
  id text primary key,
  staff_id text not null references staff (id),
  action text not null,
  player_id text,
  request_id text not null,
  outcome text not null check (outcome in ('ok', 'denied', 'failed')),
  details jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now()
);
create index audit_log_by_player on audit_log (player_id, created_at);

-- The audit trail is append-only, whoever connects.
create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end;
$$;
create trigger audit_log_no_update before update or delete on audit_log
  for each row execute function audit_log_append_only();
