-- As-of queries (bitemporal): what the platform knew at a time (recorded time) about a date (valid time).
-- List entries: every version, with the transaction time it was recorded and superseded.
create table list_entry_history (
    id              bigint not null,
    subject_id      bigint not null,
    list_type       text not null,
    authority       text not null,
    decision_no     text not null,
    basis           text not null,
    listed_on       date not null,
    planned_exit_on date,
    exited_on       date,
    exit_reason     text,
    status          text not null,
    recorded_from   timestamptz not null,
    recorded_to     timestamptz not null default 'infinity',
    primary key (id, recorded_from)
);
create index list_entry_history_subject_idx on list_entry_history (subject_id, recorded_from);

insert into list_entry_history (id, subject_id, list_type, authority, decision_no, basis, listed_on, planned_exit_on,
                                exited_on, exit_reason, status, recorded_from)
select id, subject_id, list_type, authority, decision_no, basis, listed_on, planned_exit_on, exited_on, exit_reason,
       status, created_at from list_entry;

create function list_entry_version() returns trigger language plpgsql as $$
begin
    update list_entry_history set recorded_to = now()
    where id = new.id and recorded_to = 'infinity' and recorded_from < now();
    insert into list_entry_history (id, subject_id, list_type, authority, decision_no, basis, listed_on,
                                    planned_exit_on, exited_on, exit_reason, status, recorded_from)
    values (new.id, new.subject_id, new.list_type, new.authority, new.decision_no, new.basis, new.listed_on,
            new.planned_exit_on, new.exited_on, new.exit_reason, new.status, now())
    on conflict (id, recorded_from) do update set
        subject_id = excluded.subject_id, list_type = excluded.list_type, authority = excluded.authority,
        decision_no = excluded.decision_no, basis = excluded.basis, listed_on = excluded.listed_on,
        planned_exit_on = excluded.planned_exit_on, exited_on = excluded.exited_on, exit_reason = excluded.exit_reason,
        status = excluded.status;
    return null;
end;
$$;

create trigger list_entry_versions after insert or update on list_entry
    for each row execute function list_entry_version();

-- Records: their dates are valid time already (decision, publicity window); what changes is the status (objection,
-- repair, revocation), kept here when it changes. A record's status at a time is the last change before it, or the
-- status it had before its first change after it.
create table credit_record_status_change (
    record_id   bigint not null,
    old_status  text not null,
    new_status  text not null,
    changed_at  timestamptz not null default now(),
    primary key (record_id, changed_at, new_status)
);

create function credit_record_status_changed() returns trigger language plpgsql as $$
begin
    insert into credit_record_status_change (record_id, old_status, new_status) values (new.id, old.status, new.status)
    on conflict do nothing;
    return null;
end;
$$;

create trigger credit_record_status_changes after update of status on credit_record
    for each row when (old.status is distinct from new.status) execute function credit_record_status_changed();
