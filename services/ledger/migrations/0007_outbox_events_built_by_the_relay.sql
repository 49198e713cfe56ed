-- Outbox events built when the relay reads them, not on the hot path.
--
-- Every money operation wrote its whole event as jsonb (twenty-odd keys, the entry list, the
-- balance): the costliest statement of a bet. Almost all of it is already on the transaction row
-- (kind, reference, sequence, balances after, meta, time) or the account row (player, currency,
-- jurisdiction), so an outbox row now keeps only the rest: the event id, the request's correlation
-- (ctx) and the legs. The relay reads a batch of rows with their transaction and account rows in one
-- statement and assembles the same envelope (src/outbox/outbox-events.ts). Rows written before this
-- migration keep their stored payload, which the relay publishes as it is, so nothing pending is lost
-- or reshaped by the upgrade.
alter table outbox
  alter column payload drop not null,
  add column tx_id text,
  add column event_id text,
  add column ctx jsonb,
  add column cash bigint,
  add column bonus bigint,
  add column held bigint,
  add column house_id text,
  add constraint outbox_payload_or_legs check (payload is not null or (tx_id is not null and event_id is not null));

-- Posts one transaction on a locked player account: player entries (with balance after each),
-- the balancing append-only house leg, the hash-chain link, the account row and the outbox event.
create or replace function ledger_post(
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
  v_prev bytea := a.chain_hash;
begin
  if p_cash <> 0 then
    a.cash := a.cash + p_cash;
    a.entry_seq := a.entry_seq + 1;
    insert into entries values (a.id, a.entry_seq, p_tx_id, 'cash', p_cash, a.cash, a.bonus, a.held, v_now);
    v_legs := v_legs || 'p:cash:' || p_cash || ';';
  end if;
  if p_bonus <> 0 then
    a.bonus := a.bonus + p_bonus;
    a.entry_seq := a.entry_seq + 1;
    insert into entries values (a.id, a.entry_seq, p_tx_id, 'bonus', p_bonus, a.cash, a.bonus, a.held, v_now);
    v_legs := v_legs || 'p:bonus:' || p_bonus || ';';
  end if;
  if p_held <> 0 then
    a.held := a.held + p_held;
    a.entry_seq := a.entry_seq + 1;
    insert into entries values (a.id, a.entry_seq, p_tx_id, 'held', p_held, a.cash, a.bonus, a.held, v_now);
    v_legs := v_legs || 'p:held:' || p_held || ';';
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
  -- The relay builds the event from this row, the transaction row and the account row
  -- (src/outbox/outbox-events.ts): the hot path builds no JSON.
  insert into outbox (account_id, subject, tx_id, event_id, ctx, cash, bonus, held, house_id)
  values (a.id, coalesce(p_ctx ->> 'region', 'eu') || '.wallet.tx.committed', p_tx_id, p_event_id, p_ctx,
    p_cash, p_bonus, p_held, v_house_id);
end $$;
