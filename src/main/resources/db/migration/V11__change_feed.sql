-- Change feed: every change of a subject, as it passes through the search outbox, in the transaction that made it.
-- Positions are (xid, seq): a reader only returns rows of transactions older than the oldest one still running, so a
-- position, once returned, never gets a row before it (no gaps on resume), whatever order transactions commit in.
create table change_log (
    xid        bigint not null default pg_current_xact_id()::text::bigint,
    seq        bigserial,
    subject_id bigint not null,
    changed_at timestamptz not null default clock_timestamp(),
    primary key (xid, seq)
);

create function log_subject_changes() returns trigger language plpgsql as $$
begin
    insert into change_log (subject_id) select distinct subject_id from added order by subject_id;
    return null;
end;
$$;

create trigger search_outbox_change_log after insert on search_outbox
    referencing new table as added for each statement execute function log_subject_changes();

-- Usage reports of API keys read the audit log by key and time.
create index audit_event_api_key_idx on audit_event (api_key_id, occurred_at) where api_key_id is not null;
