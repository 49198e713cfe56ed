-- The round-event relay and rollbacks without a session look up a player's latest session.
create index sessions_player_latest on sessions (player_id, created_at desc);
drop index sessions_player;
