-- One statement for a whole micro-batch: the service sends [[function, [arguments…]], …] as one
-- jsonb parameter and gets the answers back in the same order, so a batch of N operations costs
-- one protocol round trip, one implicit transaction and one WAL flush instead of N + 2 round trips.
-- The operations run in array order (the service sorts them by account, so concurrent batches lock
-- accounts in the same order). A refusal is an answer; anything raised aborts the whole batch and
-- the service then runs each operation on its own.
create function ledger_batch(p_ops jsonb) returns jsonb
language plpgsql as $$
declare
  op jsonb;
  a jsonb;
  answer jsonb;
  answers jsonb[] := '{}';
begin
  for op in select value from jsonb_array_elements(p_ops) loop
    a := op -> 1;
    answer := case op ->> 0
      when 'ledger_bet' then ledger_bet(a ->> 0, a ->> 1, a ->> 2, a ->> 3, a ->> 4, a -> 5,
        a ->> 6, a ->> 7, (a ->> 8)::bigint, a ->> 9, a ->> 10, a ->> 11, a ->> 12, a ->> 13)
      when 'ledger_win' then ledger_win(a ->> 0, a ->> 1, a ->> 2, a ->> 3, a ->> 4, a -> 5,
        a ->> 6, a ->> 7, (a ->> 8)::bigint, a ->> 9, a ->> 10, a ->> 11, a ->> 12, a ->> 13, (a ->> 14)::boolean)
      when 'ledger_rollback' then ledger_rollback(a ->> 0, a ->> 1, a ->> 2, a ->> 3, a ->> 4, a -> 5,
        a ->> 6, a ->> 7, a ->> 8, a ->> 9, a ->> 10, a ->> 11, a ->> 12)
      when 'ledger_deposit' then ledger_deposit(a ->> 0, a ->> 1, a ->> 2, a ->> 3, a ->> 4, a -> 5,
        a ->> 6, a ->> 7, (a ->> 8)::bigint, a ->> 9, a ->> 10, a ->> 11)
      when 'ledger_withdraw' then ledger_withdraw(a ->> 0, a ->> 1, a ->> 2, a ->> 3, a ->> 4, a -> 5,
        a ->> 6, a ->> 7, (a ->> 8)::bigint, a ->> 9, a ->> 10, (a ->> 11)::int)
      when 'ledger_adjust' then ledger_adjust(a ->> 0, a ->> 1, a ->> 2, a ->> 3, a ->> 4, a -> 5,
        a ->> 6, a ->> 7, (a ->> 8)::bigint, a ->> 9, a ->> 10, a ->> 11, a ->> 12)
      when 'ledger_bonus_grant' then ledger_bonus_grant(a ->> 0, a ->> 1, a ->> 2, a ->> 3, a ->> 4,
        a -> 5, a ->> 6, a ->> 7, (a ->> 8)::bigint, a ->> 9)
    end;
    if answer is null then
      raise exception 'ledger_batch: unknown operation %', op ->> 0;
    end if;
    answers := answers || answer;
  end loop;
  return to_jsonb(answers);
end $$;
