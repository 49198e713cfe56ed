-- Money operations as PL/pgSQL functions: each is one `select` from the service, one database
-- round trip, one transaction. Every function answers jsonb:
--   {"status": 201, "body": {...}, "replayed": true?}   or   {"error": "<code>", "detail": "...", "ext": {...}}
-- A refusal writes nothing. Every player-account operation locks that account row first, so the
-- idempotency and state checks that follow see everything committed before it.

create function ledger_ok(p_status int, p_body jsonb) returns jsonb
language sql immutable as $$ select jsonb_build_object('status', p_status, 'body', p_body) $$;

create function ledger_err(p_code text, p_detail text, p_ext jsonb default '{}') returns jsonb
language sql immutable as $$ select jsonb_build_object('error', p_code, 'detail', p_detail, 'ext', p_ext) $$;

create function ledger_balance(a accounts) returns jsonb
language sql immutable as $$
  select jsonb_build_object('cash', a.cash::text, 'bonus', a.bonus::text, 'total', (a.cash + a.bonus)::text)
$$;

create function ledger_new_id(p_prefix text) returns text
language sql volatile as $$ select p_prefix || '_' || replace(uuidv7()::text, '-', '') $$;

-- The stored answer for this caller's key, an idempotency conflict, or null when the key is new.
create function ledger_replay(p_caller text, p_key text, p_hash text) returns jsonb
language plpgsql stable as $$
declare
  r idempotency_keys;
begin
  if p_key is null then
    return null;
  end if;
  select * into r from idempotency_keys where caller = p_caller and key = p_key;
  if not found then
    return null;
  end if;
  if r.request_hash <> p_hash then
    return ledger_err('idempotency_conflict', 'This Idempotency-Key was already used with a different request.');
  end if;
  return jsonb_build_object('status', r.status, 'body', r.response, 'replayed', true);
end $$;

-- The stored answer of the operation that created transaction p_tx_id (replay by natural id).
create function ledger_replay_of_tx(p_tx_id text) returns jsonb
language sql stable as $$
  select jsonb_build_object('status', k.status, 'body', k.response, 'replayed', true)
  from transactions t join idempotency_keys k on k.caller = t.caller and k.key = t.idem_key
  where t.tx_id = p_tx_id
$$;

create function ledger_remember(p_caller text, p_key text, p_hash text, p_result jsonb, p_tx_id text) returns jsonb
language plpgsql as $$
begin
  if p_key is not null then
    insert into idempotency_keys (caller, key, request_hash, status, response, tx_id)
    values (p_caller, p_key, p_hash, (p_result ->> 'status')::smallint, p_result -> 'body', p_tx_id);
  end if;
  return p_result;
end $$;

create function ledger_missing_account(p_player text, p_currency text) returns jsonb
language plpgsql stable as $$
begin
  if exists (select 1 from accounts where player_id = p_player) then
    return ledger_err('currency_mismatch', format('The player has no %s account.', p_currency));
  end if;
  return ledger_err('unknown_account', 'The player has no ledger account.');
end $$;

-- Resets the responsible-gaming counters when a UTC day, ISO week or month has rolled over.
create function ledger_rg_roll(inout a accounts)
language plpgsql stable as $$
declare
  utc timestamp := now() at time zone 'utc';
  d date := utc::date;
  w date := date_trunc('week', utc)::date;
  m date := date_trunc('month', utc)::date;
begin
  if a.rg_day is distinct from d then
    a.rg_day := d; a.deposit_day := 0; a.loss_day := 0;
  end if;
  if a.rg_week is distinct from w then
    a.rg_week := w; a.deposit_week := 0; a.loss_week := 0;
  end if;
  if a.rg_month is distinct from m then
    a.rg_month := m; a.deposit_month := 0; a.loss_month := 0;
  end if;
end $$;

-- Blocks bets and deposits of blocked/closed players and of excluded players.
create function ledger_gate(c player_controls) returns jsonb
language plpgsql stable as $$
begin
  if c.player_id is null then
    return null;
  end if;
  if c.status <> 'active' then
    return ledger_err('account_blocked', format('The player''s account is %s.', c.status), jsonb_build_object('accountStatus', c.status));
  end if;
  if c.exclusion_kind is not null and (c.exclusion_until is null or c.exclusion_until > now()) then
    return ledger_err('self_excluded', 'The player is excluded from gambling.',
      jsonb_build_object('exclusion', jsonb_build_object('kind', c.exclusion_kind, 'until', c.exclusion_until)));
  end if;
  return null;
end $$;

-- Refuses an amount that would take a day/week/month deposit or loss counter over its limit.
create function ledger_limit_check(p_kind text, c player_controls, a accounts, p_amount bigint) returns jsonb
language plpgsql stable as $$
declare
  limits bigint[];
  used bigint[];
  periods text[] := array['day', 'week', 'month'];
begin
  if c.player_id is null or c.limits_currency is distinct from a.currency then
    return null;
  end if;
  if p_kind = 'deposit' then
    limits := array[c.deposit_day, c.deposit_week, c.deposit_month];
    used := array[a.deposit_day, a.deposit_week, a.deposit_month];
  else
    limits := array[c.loss_day, c.loss_week, c.loss_month];
    used := array[a.loss_day, a.loss_week, a.loss_month];
  end if;
  for i in 1..3 loop
    if limits[i] is not null and used[i] + p_amount > limits[i] then
      return ledger_err('limit_exceeded', format('The %s %s limit would be exceeded.', periods[i], p_kind),
        jsonb_build_object('limit', jsonb_build_object(
          'kind', p_kind, 'period', periods[i], 'amount', limits[i]::text,
          'remaining', greatest(limits[i] - used[i], 0)::text, 'currency', a.currency)));
    end if;
  end loop;
  return null;
end $$;

-- Posts one transaction on a locked player account: player entries (with balance after each),
-- the balancing append-only house leg, the hash-chain link, the account row and the outbox event.
create function ledger_post(
  inout a accounts,
  p_tx_id text, p_event_id text, p_kind text, p_reference text,
  p_caller text, p_key text, p_hash text,
  p_cash bigint, p_bonus bigint, p_held bigint,
  p_house_kind text, p_meta jsonb, p_ctx jsonb
)
language plpgsql as $$
declare
  v_now timestamptz := now();
  v_house_amount bigint := -(p_cash + p_bonus + p_held);
  v_house_id text;
  v_legs text := '';
  v_entries jsonb := '[]';
  v_account text := a.player_id || ':' || a.currency;
  v_region text := coalesce(p_ctx ->> 'region', 'eu');
  v_prev bytea := a.chain_hash;
begin
  if p_cash <> 0 then
    a.cash := a.cash + p_cash;
    a.entry_seq := a.entry_seq + 1;
    insert into entries values (a.id, a.entry_seq, p_tx_id, 'cash', p_cash, a.cash, a.bonus, a.held, v_now);
    v_legs := v_legs || 'p:cash:' || p_cash || ';';
    v_entries := v_entries || jsonb_build_object('account', v_account, 'bucket', 'cash', 'amount', p_cash::text);
  end if;
  if p_bonus <> 0 then
    a.bonus := a.bonus + p_bonus;
    a.entry_seq := a.entry_seq + 1;
    insert into entries values (a.id, a.entry_seq, p_tx_id, 'bonus', p_bonus, a.cash, a.bonus, a.held, v_now);
    v_legs := v_legs || 'p:bonus:' || p_bonus || ';';
    v_entries := v_entries || jsonb_build_object('account', v_account, 'bucket', 'bonus', 'amount', p_bonus::text);
  end if;
  if p_held <> 0 then
    a.held := a.held + p_held;
    a.entry_seq := a.entry_seq + 1;
    insert into entries values (a.id, a.entry_seq, p_tx_id, 'held', p_held, a.cash, a.bonus, a.held, v_now);
    v_legs := v_legs || 'p:held:' || p_held || ';';
    v_entries := v_entries || jsonb_build_object('account', v_account, 'bucket', 'held', 'amount', p_held::text);
  end if;
  if a.cash < a.cash_floor or a.bonus < 0 or a.held < 0 then
    -- The operations check their floors first; reaching this is a bug, so fail the whole transaction.
    raise exception 'ledger: % would take account % below its floor', p_kind, a.id;
  end if;
  if v_house_amount <> 0 then
    v_house_id := p_house_kind || ':' || a.jurisdiction || ':' || a.currency;
    insert into house_entries values (p_tx_id, v_house_id, v_house_amount, v_now);
    insert into house_pending values (v_house_id, v_house_amount);
    v_legs := v_legs || 'h:' || v_house_id || ':' || v_house_amount || ';';
    v_entries := v_entries || jsonb_build_object('account', v_house_id, 'bucket', 'house', 'amount', v_house_amount::text);
  end if;
  a.tx_seq := a.tx_seq + 1;
  a.chain_hash := sha256(v_prev || convert_to(concat_ws('|',
    p_tx_id, p_kind, a.id, a.tx_seq, a.currency, coalesce(p_reference, ''),
    (extract(epoch from v_now) * 1000000)::bigint, a.cash, a.bonus, a.held, v_legs), 'UTF8'));
  update accounts set
    cash = a.cash, bonus = a.bonus, held = a.held,
    tx_seq = a.tx_seq, entry_seq = a.entry_seq, chain_hash = a.chain_hash,
    rg_day = a.rg_day, rg_week = a.rg_week, rg_month = a.rg_month,
    deposit_day = a.deposit_day, deposit_week = a.deposit_week, deposit_month = a.deposit_month,
    loss_day = a.loss_day, loss_week = a.loss_week, loss_month = a.loss_month
  where id = a.id;
  insert into transactions (tx_id, kind, reference, account_id, account_seq, currency, cash_after, bonus_after,
    held_after, caller, idem_key, request_hash, meta, created_at, prev_hash, hash)
  values (p_tx_id, p_kind, p_reference, a.id, a.tx_seq, a.currency, a.cash, a.bonus, a.held, p_caller, p_key,
    p_hash, p_meta, v_now, v_prev, a.chain_hash);
  insert into outbox (account_id, subject, payload) values (a.id, v_region || '.wallet.tx.committed', jsonb_strip_nulls(
    jsonb_build_object(
      'id', p_event_id,
      'type', 'wallet.tx.committed',
      'occurredAt', to_char(v_now at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
      'jurisdiction', a.jurisdiction,
      'region', v_region,
      'requestId', p_ctx ->> 'requestId',
      'traceparent', p_ctx ->> 'traceparent',
      'playerId', a.player_id,
      'accountId', v_account,
      'roundId', p_meta ->> 'roundId',
      'betId', p_meta ->> 'betId',
      'txId', p_tx_id,
      'data', p_meta || jsonb_build_object(
        'kind', p_kind,
        'currency', a.currency,
        'reference', p_reference,
        'accountSeq', a.tx_seq,
        'entries', v_entries,
        'balance', jsonb_build_object('cash', a.cash::text, 'bonus', a.bonus::text, 'held', a.held::text)))));
end $$;

-- ── Accounts ───────────────────────────────────────────────────────────────────────────────
create function ledger_open_account(p_player text, p_currency text, p_jurisdiction text) returns jsonb
language plpgsql as $$
declare
  a accounts;
  v_status text;
  v_created boolean := false;
begin
  if exists (select 1 from accounts where player_id = p_player and jurisdiction <> p_jurisdiction) then
    return ledger_err('jurisdiction_mismatch', 'The player''s accounts belong to another jurisdiction.');
  end if;
  insert into player_controls (player_id) values (p_player) on conflict do nothing;
  insert into house_accounts (id, kind, jurisdiction, currency)
  select k || ':' || p_jurisdiction || ':' || p_currency, k, p_jurisdiction, p_currency
  from unnest(array['house', 'psp_clearing', 'bonus_liability', 'adjustments']) as k
  on conflict do nothing;
  insert into accounts (player_id, currency, jurisdiction) values (p_player, p_currency, p_jurisdiction)
  on conflict (player_id, currency) do nothing returning * into a;
  if found then
    v_created := true;
  else
    select * into a from accounts where player_id = p_player and currency = p_currency;
    if a.jurisdiction <> p_jurisdiction then
      return ledger_err('jurisdiction_mismatch', format('The player''s %s account belongs to jurisdiction %s.', p_currency, a.jurisdiction));
    end if;
  end if;
  select status into v_status from player_controls where player_id = p_player;
  return ledger_ok(case when v_created then 201 else 200 end, jsonb_build_object(
    'playerId', p_player, 'currency', p_currency, 'jurisdiction', a.jurisdiction, 'status', v_status));
end $$;

-- ── Gaming ─────────────────────────────────────────────────────────────────────────────────
create function ledger_bet(
  p_caller text, p_key text, p_hash text, p_tx_id text, p_event_id text, p_ctx jsonb,
  p_player text, p_currency text, p_amount bigint, p_bet_id text, p_round_id text, p_game_id text,
  p_provider text, p_session_id text
) returns jsonb
language plpgsql as $$
declare
  a accounts;
  c player_controls;
  b bets;
  r jsonb;
  v_order text;
  v_cash bigint;
  v_bonus bigint;
  v_available bigint;
begin
  select * into a from accounts where player_id = p_player and currency = p_currency for update;
  if not found then
    return ledger_missing_account(p_player, p_currency);
  end if;
  r := ledger_replay(p_caller, p_key, p_hash);
  if r is not null then
    return r;
  end if;
  select * into b from bets where provider_id = p_provider and bet_id = p_bet_id;
  if found then
    if b.status in ('tombstone', 'rolled_back') then
      return ledger_err('bet_rolled_back', 'This bet was rolled back; the bet id cannot be used again.');
    end if;
    if b.request_hash = p_hash then
      r := ledger_replay_of_tx(b.tx_id);
      if r is not null then
        return r;
      end if;
    end if;
    return ledger_err('duplicate_bet', 'This bet id was already used with a different request.');
  end if;
  select * into c from player_controls where player_id = p_player;
  r := ledger_gate(c);
  if r is not null then
    return r;
  end if;
  a := ledger_rg_roll(a);
  r := ledger_limit_check('loss', c, a, p_amount);
  if r is not null then
    return r;
  end if;
  select bet_order into v_order from jurisdiction_rules where jurisdiction = a.jurisdiction;
  v_available := greatest(a.cash - a.cash_floor, 0);
  if coalesce(v_order, 'cash_first') = 'cash_first' then
    v_cash := least(p_amount, v_available);
    v_bonus := p_amount - v_cash;
  else
    v_bonus := least(p_amount, a.bonus);
    v_cash := p_amount - v_bonus;
  end if;
  if v_cash > v_available or v_bonus > a.bonus then
    return ledger_err('insufficient_funds', 'The balance does not cover the bet.',
      jsonb_build_object('balance', ledger_balance(a)));
  end if;
  a.loss_day := a.loss_day + p_amount;
  a.loss_week := a.loss_week + p_amount;
  a.loss_month := a.loss_month + p_amount;
  a := ledger_post(a, p_tx_id, p_event_id, 'bet', p_provider || ':' || p_bet_id, p_caller, p_key, p_hash,
    -v_cash, -v_bonus, 0, 'house',
    jsonb_build_object('betId', p_bet_id, 'roundId', p_round_id, 'gameId', p_game_id, 'providerId', p_provider,
      'sessionId', p_session_id, 'amount', p_amount::text),
    p_ctx);
  insert into bets (provider_id, bet_id, account_id, round_id, amount, cash_part, bonus_part, status, tx_id, request_hash)
  values (p_provider, p_bet_id, a.id, p_round_id, p_amount, v_cash, v_bonus, 'open', p_tx_id, p_hash);
  return ledger_remember(p_caller, p_key, p_hash, ledger_ok(201, jsonb_build_object(
    'txId', p_tx_id, 'betId', p_bet_id, 'balance', ledger_balance(a),
    'debited', jsonb_build_object('cash', v_cash::text, 'bonus', v_bonus::text))), p_tx_id);
end $$;

create function ledger_win(
  p_caller text, p_key text, p_hash text, p_tx_id text, p_event_id text, p_ctx jsonb,
  p_player text, p_currency text, p_amount bigint, p_win_id text, p_bet_id text, p_round_id text,
  p_game_id text, p_provider text, p_close_round boolean
) returns jsonb
language plpgsql as $$
declare
  a accounts;
  b bets;
  r jsonb;
  v_existing transactions;
  v_bet_cash bigint;
  v_bet_bonus bigint;
  v_live int;
  v_dead int;
  v_bonus bigint;
  v_cash bigint;
begin
  select * into a from accounts where player_id = p_player and currency = p_currency for update;
  if not found then
    return ledger_missing_account(p_player, p_currency);
  end if;
  r := ledger_replay(p_caller, p_key, p_hash);
  if r is not null then
    return r;
  end if;
  select * into v_existing from transactions where kind = 'win' and reference = p_provider || ':' || p_win_id;
  if found then
    if v_existing.request_hash = p_hash then
      r := ledger_replay_of_tx(v_existing.tx_id);
      if r is not null then
        return r;
      end if;
    end if;
    return ledger_err('idempotency_conflict', 'This win id was already used with a different request.');
  end if;
  if p_bet_id is not null then
    select * into b from bets where provider_id = p_provider and bet_id = p_bet_id;
    if not found then
      return ledger_err('unknown_reference', 'No bet with this id is known.');
    end if;
    if b.account_id <> a.id then
      if exists (select 1 from accounts where id = b.account_id and player_id = p_player) then
        return ledger_err('currency_mismatch', 'The bet was placed in another currency.');
      end if;
      return ledger_err('unknown_reference', 'No bet with this id is known for this player.');
    end if;
    if b.status in ('rolled_back', 'tombstone') then
      return ledger_err('already_rolled_back', 'The bet was rolled back and cannot be settled.');
    end if;
    v_bet_cash := b.cash_part;
    v_bet_bonus := b.bonus_part;
    if b.status = 'open' then
      update bets set status = 'settled' where provider_id = p_provider and bet_id = p_bet_id;
    end if;
  else
    select coalesce(sum(cash_part) filter (where status in ('open', 'settled')), 0),
           coalesce(sum(bonus_part) filter (where status in ('open', 'settled')), 0),
           count(*) filter (where status in ('open', 'settled')),
           count(*) filter (where status in ('rolled_back', 'tombstone'))
      into v_bet_cash, v_bet_bonus, v_live, v_dead
      from bets where provider_id = p_provider and round_id = p_round_id and account_id = a.id;
    if v_live = 0 and v_dead = 0 then
      return ledger_err('unknown_reference', 'No bet is known in this round.');
    end if;
    if v_live = 0 then
      return ledger_err('already_rolled_back', 'Every bet of this round was rolled back.');
    end if;
    update bets set status = 'settled'
      where provider_id = p_provider and round_id = p_round_id and account_id = a.id and status = 'open';
  end if;
  -- Winnings return to the buckets the stake came from, in the same proportion.
  if v_bet_cash + v_bet_bonus > 0 then
    v_bonus := floor(p_amount::numeric * v_bet_bonus / (v_bet_cash + v_bet_bonus))::bigint;
  else
    v_bonus := 0;
  end if;
  v_cash := p_amount - v_bonus;
  a := ledger_rg_roll(a);
  a.loss_day := a.loss_day - p_amount;
  a.loss_week := a.loss_week - p_amount;
  a.loss_month := a.loss_month - p_amount;
  a := ledger_post(a, p_tx_id, p_event_id, 'win', p_provider || ':' || p_win_id, p_caller, p_key, p_hash,
    v_cash, v_bonus, 0, 'house',
    jsonb_build_object('winId', p_win_id, 'betId', p_bet_id, 'roundId', p_round_id, 'gameId', p_game_id,
      'providerId', p_provider, 'closeRound', p_close_round, 'amount', p_amount::text),
    p_ctx);
  return ledger_remember(p_caller, p_key, p_hash, ledger_ok(201, jsonb_build_object(
    'txId', p_tx_id, 'winId', p_win_id, 'balance', ledger_balance(a),
    'credited', jsonb_build_object('cash', v_cash::text, 'bonus', v_bonus::text))), p_tx_id);
end $$;

create function ledger_rollback(
  p_caller text, p_key text, p_hash text, p_tx_id text, p_event_id text, p_ctx jsonb,
  p_player text, p_currency text, p_rollback_id text, p_bet_id text, p_round_id text, p_game_id text,
  p_provider text
) returns jsonb
language plpgsql as $$
declare
  a accounts;
  b bets;
  r jsonb;
begin
  select * into a from accounts where player_id = p_player and currency = p_currency for update;
  if not found then
    return ledger_missing_account(p_player, p_currency);
  end if;
  r := ledger_replay(p_caller, p_key, p_hash);
  if r is not null then
    return r;
  end if;
  select * into b from bets where provider_id = p_provider and bet_id = p_bet_id;
  if not found then
    -- Unknown bet: leave a tombstone so that a late bet with this id is refused.
    insert into bets (provider_id, bet_id, account_id, round_id, status, request_hash)
    values (p_provider, p_bet_id, a.id, p_round_id, 'tombstone', p_hash);
    return ledger_remember(p_caller, p_key, p_hash, ledger_ok(201, jsonb_build_object(
      'txId', null, 'rollbackId', p_rollback_id, 'balance', ledger_balance(a), 'tombstone', true)), null);
  end if;
  if b.account_id <> a.id then
    if exists (select 1 from accounts where id = b.account_id and player_id = p_player) then
      return ledger_err('currency_mismatch', 'The bet was placed in another currency.');
    end if;
    return ledger_err('unknown_reference', 'The bet belongs to another player.');
  end if;
  if b.status = 'settled' then
    return ledger_err('already_settled', 'The bet has a win against it and cannot be rolled back.');
  end if;
  if b.status = 'tombstone' then
    return ledger_remember(p_caller, p_key, p_hash, ledger_ok(201, jsonb_build_object(
      'txId', null, 'rollbackId', p_rollback_id, 'balance', ledger_balance(a), 'tombstone', true)), null);
  end if;
  if b.status = 'rolled_back' then
    return ledger_remember(p_caller, p_key, p_hash, ledger_ok(201, jsonb_build_object(
      'txId', b.rollback_tx_id, 'rollbackId', p_rollback_id, 'balance', ledger_balance(a), 'tombstone', false)), null);
  end if;
  a := ledger_rg_roll(a);
  a.loss_day := a.loss_day - b.amount;
  a.loss_week := a.loss_week - b.amount;
  a.loss_month := a.loss_month - b.amount;
  a := ledger_post(a, p_tx_id, p_event_id, 'rollback', p_provider || ':' || p_bet_id, p_caller, p_key, p_hash,
    b.cash_part, b.bonus_part, 0, 'house',
    jsonb_build_object('rollbackId', p_rollback_id, 'betId', p_bet_id, 'roundId', coalesce(p_round_id, b.round_id),
      'gameId', p_game_id, 'providerId', p_provider, 'amount', b.amount::text),
    p_ctx);
  update bets set status = 'rolled_back', rollback_tx_id = p_tx_id where provider_id = p_provider and bet_id = p_bet_id;
  return ledger_remember(p_caller, p_key, p_hash, ledger_ok(201, jsonb_build_object(
    'txId', p_tx_id, 'rollbackId', p_rollback_id, 'balance', ledger_balance(a), 'tombstone', false)), p_tx_id);
end $$;

-- ── Cashier ────────────────────────────────────────────────────────────────────────────────
create function ledger_deposit(
  p_caller text, p_key text, p_hash text, p_tx_id text, p_event_id text, p_ctx jsonb,
  p_player text, p_currency text, p_amount bigint, p_deposit_id text, p_psp text, p_psp_reference text
) returns jsonb
language plpgsql as $$
declare
  a accounts;
  c player_controls;
  r jsonb;
  v_existing transactions;
begin
  select * into a from accounts where player_id = p_player and currency = p_currency for update;
  if not found then
    return ledger_missing_account(p_player, p_currency);
  end if;
  r := ledger_replay(p_caller, p_key, p_hash);
  if r is not null then
    return r;
  end if;
  select * into v_existing from transactions where kind = 'deposit' and reference = p_deposit_id;
  if found then
    if v_existing.request_hash = p_hash then
      r := ledger_replay_of_tx(v_existing.tx_id);
      if r is not null then
        return r;
      end if;
    end if;
    return ledger_err('idempotency_conflict', 'This deposit id was already used with a different request.');
  end if;
  select * into c from player_controls where player_id = p_player;
  r := ledger_gate(c);
  if r is not null then
    return r;
  end if;
  a := ledger_rg_roll(a);
  r := ledger_limit_check('deposit', c, a, p_amount);
  if r is not null then
    return r;
  end if;
  a.deposit_day := a.deposit_day + p_amount;
  a.deposit_week := a.deposit_week + p_amount;
  a.deposit_month := a.deposit_month + p_amount;
  a := ledger_post(a, p_tx_id, p_event_id, 'deposit', p_deposit_id, p_caller, p_key, p_hash,
    p_amount, 0, 0, 'psp_clearing',
    jsonb_build_object('depositId', p_deposit_id, 'psp', p_psp, 'pspReference', p_psp_reference, 'amount', p_amount::text),
    p_ctx);
  return ledger_remember(p_caller, p_key, p_hash, ledger_ok(201, jsonb_build_object(
    'txId', p_tx_id, 'balance', ledger_balance(a))), p_tx_id);
end $$;

create function ledger_withdraw(
  p_caller text, p_key text, p_hash text, p_tx_id text, p_event_id text, p_ctx jsonb,
  p_player text, p_currency text, p_amount bigint, p_withdrawal_id text, p_hold_id text, p_expires_in_seconds int
) returns jsonb
language plpgsql as $$
declare
  a accounts;
  h holds;
  r jsonb;
begin
  select * into a from accounts where player_id = p_player and currency = p_currency for update;
  if not found then
    return ledger_missing_account(p_player, p_currency);
  end if;
  r := ledger_replay(p_caller, p_key, p_hash);
  if r is not null then
    return r;
  end if;
  select * into h from holds where withdrawal_id = p_withdrawal_id;
  if found then
    if h.request_hash = p_hash then
      r := ledger_replay_of_tx(h.hold_tx_id);
      if r is not null then
        return r;
      end if;
    end if;
    return ledger_err('idempotency_conflict', 'This withdrawal id was already used with a different request.');
  end if;
  if a.cash - p_amount < a.cash_floor then
    return ledger_err('insufficient_funds', 'The cash balance does not cover the withdrawal.',
      jsonb_build_object('balance', ledger_balance(a)));
  end if;
  a := ledger_post(a, p_tx_id, p_event_id, 'withdrawal_hold', p_withdrawal_id, p_caller, p_key, p_hash,
    -p_amount, 0, p_amount, 'psp_clearing',
    jsonb_build_object('withdrawalId', p_withdrawal_id, 'holdId', p_hold_id, 'amount', p_amount::text),
    p_ctx);
  insert into holds (withdrawal_id, hold_id, account_id, amount, status, expires_at, hold_tx_id, request_hash)
  values (p_withdrawal_id, p_hold_id, a.id, p_amount, 'pending', now() + make_interval(secs => p_expires_in_seconds),
    p_tx_id, p_hash);
  return ledger_remember(p_caller, p_key, p_hash, ledger_ok(201, jsonb_build_object(
    'holdId', p_hold_id, 'status', 'pending', 'balance', ledger_balance(a))), p_tx_id);
end $$;

-- Commits or releases a pending withdrawal hold. A hold past its expiry is released instead of
-- committed (and the commit is refused with hold_expired).
create function ledger_settle_withdrawal(
  p_caller text, p_key text, p_hash text, p_tx_id text, p_event_id text, p_ctx jsonb,
  p_withdrawal_id text, p_action text
) returns jsonb
language plpgsql as $$
declare
  a accounts;
  h holds;
  r jsonb;
  v_account_id bigint;
begin
  select account_id into v_account_id from holds where withdrawal_id = p_withdrawal_id;
  if not found then
    return ledger_err('unknown_reference', 'No withdrawal with this id is known.');
  end if;
  select * into a from accounts where id = v_account_id for update;
  r := ledger_replay(p_caller, p_key, p_hash);
  if r is not null then
    return r;
  end if;
  select * into h from holds where withdrawal_id = p_withdrawal_id;
  if h.status = 'committed' then
    if p_action = 'commit' then
      return ledger_ok(200, jsonb_build_object('status', 'committed', 'txId', h.final_tx_id));
    end if;
    return ledger_err('hold_not_pending', 'The withdrawal was already committed.', jsonb_build_object('holdStatus', h.status));
  end if;
  if h.status = 'released' then
    if p_action = 'release' then
      return ledger_ok(200, jsonb_build_object('status', 'released', 'txId', h.final_tx_id));
    end if;
    return ledger_err('hold_not_pending', 'The withdrawal was released (by request or on expiry).', jsonb_build_object('holdStatus', h.status));
  end if;
  if p_action = 'commit' and h.expires_at > now() then
    a := ledger_post(a, p_tx_id, p_event_id, 'withdrawal_commit', p_withdrawal_id, p_caller, p_key, p_hash,
      0, 0, -h.amount, 'psp_clearing',
      jsonb_build_object('withdrawalId', p_withdrawal_id, 'holdId', h.hold_id, 'amount', h.amount::text), p_ctx);
    update holds set status = 'committed', final_tx_id = p_tx_id where withdrawal_id = p_withdrawal_id;
    return ledger_remember(p_caller, p_key, p_hash, ledger_ok(200, jsonb_build_object('status', 'committed', 'txId', p_tx_id)), p_tx_id);
  end if;
  a := ledger_post(a, p_tx_id, p_event_id, 'withdrawal_release', p_withdrawal_id, p_caller, p_key, p_hash,
    h.amount, 0, -h.amount, 'psp_clearing',
    jsonb_build_object('withdrawalId', p_withdrawal_id, 'holdId', h.hold_id, 'amount', h.amount::text,
      'expired', h.expires_at <= now()), p_ctx);
  update holds set status = 'released', final_tx_id = p_tx_id where withdrawal_id = p_withdrawal_id;
  if p_action = 'commit' then
    return ledger_err('hold_expired', 'The withdrawal hold had expired and was released.', jsonb_build_object('txId', p_tx_id));
  end if;
  return ledger_remember(p_caller, p_key, p_hash, ledger_ok(200, jsonb_build_object('status', 'released', 'txId', p_tx_id)), p_tx_id);
end $$;

-- Releases up to p_limit expired holds; run periodically. Returns how many it released.
create function ledger_release_expired_holds(p_region text, p_limit int) returns int
language plpgsql as $$
declare
  v_id text;
  v_count int := 0;
begin
  for v_id in select withdrawal_id from holds where status = 'pending' and expires_at <= now() order by expires_at limit p_limit loop
    perform ledger_settle_withdrawal('ledger', null, 'expiry', ledger_new_id('tx'), ledger_new_id('evt'),
      jsonb_build_object('region', p_region), v_id, 'release');
    v_count := v_count + 1;
  end loop;
  return v_count;
end $$;

-- ── Player controls: manual adjustments and bonuses ───────────────────────────────────────
create function ledger_adjust(
  p_caller text, p_key text, p_hash text, p_tx_id text, p_event_id text, p_ctx jsonb,
  p_player text, p_currency text, p_amount bigint, p_bucket text, p_actor text, p_reason text, p_adjustment_id text
) returns jsonb
language plpgsql as $$
declare
  a accounts;
  r jsonb;
  v_existing transactions;
begin
  select * into a from accounts where player_id = p_player and currency = p_currency for update;
  if not found then
    return ledger_missing_account(p_player, p_currency);
  end if;
  r := ledger_replay(p_caller, p_key, p_hash);
  if r is not null then
    return r;
  end if;
  select * into v_existing from transactions where kind = 'adjustment' and reference = p_adjustment_id;
  if found then
    if v_existing.request_hash = p_hash then
      r := ledger_replay_of_tx(v_existing.tx_id);
      if r is not null then
        return r;
      end if;
    end if;
    return ledger_err('idempotency_conflict', 'This adjustment id was already used with a different request.');
  end if;
  if (p_bucket = 'cash' and a.cash + p_amount < a.cash_floor) or (p_bucket = 'bonus' and a.bonus + p_amount < 0) then
    return ledger_err('insufficient_funds', format('The %s balance does not cover the adjustment.', p_bucket),
      jsonb_build_object('balance', ledger_balance(a)));
  end if;
  a := ledger_post(a, p_tx_id, p_event_id, 'adjustment', p_adjustment_id, p_caller, p_key, p_hash,
    case when p_bucket = 'cash' then p_amount else 0 end, case when p_bucket = 'bonus' then p_amount else 0 end, 0,
    'adjustments',
    jsonb_build_object('adjustmentId', p_adjustment_id, 'actor', p_actor, 'reason', p_reason, 'bucket', p_bucket,
      'amount', p_amount::text),
    p_ctx);
  return ledger_remember(p_caller, p_key, p_hash, ledger_ok(201, jsonb_build_object(
    'txId', p_tx_id, 'balance', ledger_balance(a))), p_tx_id);
end $$;

create function ledger_bonus_grant(
  p_caller text, p_key text, p_hash text, p_tx_id text, p_event_id text, p_ctx jsonb,
  p_player text, p_currency text, p_amount bigint, p_bonus_id text
) returns jsonb
language plpgsql as $$
declare
  a accounts;
  g bonuses;
  r jsonb;
begin
  select * into a from accounts where player_id = p_player and currency = p_currency for update;
  if not found then
    return ledger_missing_account(p_player, p_currency);
  end if;
  r := ledger_replay(p_caller, p_key, p_hash);
  if r is not null then
    return r;
  end if;
  select * into g from bonuses where bonus_id = p_bonus_id;
  if found then
    if g.request_hash = p_hash then
      r := ledger_replay_of_tx(g.grant_tx_id);
      if r is not null then
        return r;
      end if;
    end if;
    return ledger_err('idempotency_conflict', 'This bonus id was already used with a different request.');
  end if;
  a := ledger_post(a, p_tx_id, p_event_id, 'bonus_grant', p_bonus_id, p_caller, p_key, p_hash,
    0, p_amount, 0, 'bonus_liability',
    jsonb_build_object('bonusId', p_bonus_id, 'amount', p_amount::text), p_ctx);
  insert into bonuses (bonus_id, account_id, amount, remaining, status, grant_tx_id, request_hash)
  values (p_bonus_id, a.id, p_amount, p_amount, 'active', p_tx_id, p_hash);
  return ledger_remember(p_caller, p_key, p_hash, ledger_ok(201, jsonb_build_object(
    'txId', p_tx_id, 'bonusId', p_bonus_id, 'balance', ledger_balance(a))), p_tx_id);
end $$;

-- Converts (part of) a bonus into cash, or forfeits what is left of it.
create function ledger_bonus_settle(
  p_caller text, p_key text, p_hash text, p_tx_id text, p_event_id text, p_ctx jsonb,
  p_bonus_id text, p_action text, p_amount bigint
) returns jsonb
language plpgsql as $$
declare
  a accounts;
  g bonuses;
  r jsonb;
  v_account_id bigint;
  v_amount bigint;
begin
  select account_id into v_account_id from bonuses where bonus_id = p_bonus_id;
  if not found then
    return ledger_err('unknown_reference', 'No bonus with this id is known.');
  end if;
  select * into a from accounts where id = v_account_id for update;
  r := ledger_replay(p_caller, p_key, p_hash);
  if r is not null then
    return r;
  end if;
  select * into g from bonuses where bonus_id = p_bonus_id;
  if g.status <> 'active' then
    if p_action = 'forfeit' and g.status = 'forfeited' then
      return ledger_ok(200, jsonb_build_object('txId', g.last_tx_id, 'bonusId', p_bonus_id, 'forfeited', '0',
        'balance', ledger_balance(a)));
    end if;
    return ledger_err('bonus_not_active', format('The bonus is %s.', g.status), jsonb_build_object('bonusStatus', g.status));
  end if;
  if p_action = 'convert' then
    v_amount := coalesce(p_amount, least(g.remaining, a.bonus));
    if v_amount > g.remaining or v_amount > a.bonus then
      return ledger_err('insufficient_funds', 'The bonus balance does not cover the conversion.',
        jsonb_build_object('balance', ledger_balance(a), 'remaining', least(g.remaining, a.bonus)::text));
    end if;
    a := ledger_post(a, p_tx_id, p_event_id, 'bonus_convert', null, p_caller, p_key, p_hash,
      v_amount, -v_amount, 0, 'bonus_liability',
      jsonb_build_object('bonusId', p_bonus_id, 'amount', v_amount::text), p_ctx);
    update bonuses set remaining = remaining - v_amount, last_tx_id = p_tx_id,
      status = case when remaining - v_amount = 0 or a.bonus = 0 then 'converted' else 'active' end
      where bonus_id = p_bonus_id;
    return ledger_remember(p_caller, p_key, p_hash, ledger_ok(200, jsonb_build_object(
      'txId', p_tx_id, 'bonusId', p_bonus_id, 'converted', v_amount::text, 'balance', ledger_balance(a))), p_tx_id);
  end if;
  v_amount := least(g.remaining, a.bonus);
  a := ledger_post(a, p_tx_id, p_event_id, 'bonus_forfeit', p_bonus_id, p_caller, p_key, p_hash,
    0, -v_amount, 0, 'bonus_liability',
    jsonb_build_object('bonusId', p_bonus_id, 'amount', v_amount::text), p_ctx);
  update bonuses set remaining = 0, status = 'forfeited', last_tx_id = p_tx_id where bonus_id = p_bonus_id;
  return ledger_remember(p_caller, p_key, p_hash, ledger_ok(200, jsonb_build_object(
    'txId', p_tx_id, 'bonusId', p_bonus_id, 'forfeited', v_amount::text, 'balance', ledger_balance(a))), p_tx_id);
end $$;

-- ── Background jobs ────────────────────────────────────────────────────────────────────────
-- Folds the appended house legs into the house balances. Deleting what it folds (instead of
-- keeping a "last id" watermark) means a leg whose transaction commits late is never skipped.
create function ledger_roll_up_house() returns int
language plpgsql as $$
declare
  v_count int;
begin
  with moved as (
    delete from house_pending returning house_id, amount
  ), totals as (
    select house_id, sum(amount) as total, count(*) as n from moved group by house_id
  ), updated as (
    update house_accounts h set balance = h.balance + t.total, rolled_up_at = now()
    from totals t where h.id = t.house_id returning t.n
  )
  select coalesce(sum(n), 0) into v_count from updated;
  return v_count;
end $$;

create function ledger_purge_idempotency(p_keep interval, p_limit int) returns int
language plpgsql as $$
declare
  v_count int;
begin
  with old as (
    select ctid from idempotency_keys where created_at < now() - p_keep limit p_limit
  )
  delete from idempotency_keys k using old where k.ctid = old.ctid;
  get diagnostics v_count = row_count;
  return v_count;
end $$;
