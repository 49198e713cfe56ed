-- Answers are kept as the exact text sent (a replay is byte-identical and needs no JSON round
-- trip). Expand only: old rows keep `response` (read as its text), new rows fill `body`.
alter table provider_requests add column body text;
alter table provider_requests alter column response drop not null;
alter table provider_requests add constraint provider_requests_has_answer check (body is not null or response is not null) not valid;

-- The jurisdiction of the session that opened the round, so the event relay needs no session look-up.
alter table rounds add column jurisdiction text;
