-- API keys of partner credit agencies: rotation keeps the previous key valid for a grace period.
alter table api_client add column key_prefix text not null default '';
alter table api_client add column previous_key_hash text unique;
alter table api_client add column previous_valid_until timestamptz;
alter table api_client rename column rate_limit to rate_per_minute;
