-- Subject rights and outputs: objections (异议), credit repair (信用修复), commitments (信用承诺), verifiable credit
-- reports (信用报告) and watchlists for early warning (失信预警).

-- List entries get a status like records: an objection flags them, a repair or an upheld objection ends them.
alter table list_entry add column status text not null default 'ACTIVE'
    check (status in ('ACTIVE', 'UNDER_OBJECTION', 'REPAIRED', 'REVOKED'));

create table objection (
    id                 text primary key,            -- the tracking id given to the filer: random, unguessable
    subject_id         bigint not null references subject (id),
    record_id          bigint references credit_record (id),
    list_entry_id      bigint references list_entry (id),
    department         text not null,               -- the department that owns the record or list entry
    filer_kind         text not null check (filer_kind in ('PUBLIC', 'SUBJECT', 'DEPARTMENT')),
    filer_id           text,
    filer_name         text,
    contact            text,                        -- phone or e-mail of a public filer; never shown back
    reason             text not null,
    attachments        jsonb not null default '[]', -- metadata only: name, media type, size, sha256
    status             text not null check (status in ('FILED', 'ACCEPTED', 'REJECTED', 'CORRECTED', 'DELETED')),
    target_status      text not null,               -- status of the record or entry before the objection
    due_on             date not null,               -- decision deadline in working days from filing
    decision_note      text,
    correction         jsonb,                       -- {before, after} of a corrected record
    handled_by         text,
    accepted_at        timestamptz,
    decided_at         timestamptz,
    filed_at           timestamptz not null default clock_timestamp(),
    check ((record_id is null) <> (list_entry_id is null))
);
-- One open objection per record or list entry: a second filer is told one is being handled.
create unique index objection_open_record_idx on objection (record_id) where status in ('FILED', 'ACCEPTED');
create unique index objection_open_entry_idx on objection (list_entry_id) where status in ('FILED', 'ACCEPTED');
create index objection_department_idx on objection (department, status, due_on);

create table commitment (
    id           text primary key,
    subject_id   bigint not null references subject (id),
    department   text not null,                    -- the department the commitment was made to
    type         text not null,
    content      text not null,
    made_on      date not null,
    due_on       date,
    kept         boolean,                          -- null until assessed
    assessed_on  date,
    assessment   text,
    created_at   timestamptz not null default clock_timestamp()
);
create index commitment_subject_idx on commitment (subject_id);

create table repair (
    id                text primary key,
    subject_id        bigint not null references subject (id),
    record_id         bigint references credit_record (id),
    list_entry_id     bigint references list_entry (id),
    department        text not null,
    applicant         text not null,
    reason            text not null,
    fine_paid         boolean not null,
    payment_reference text,
    commitment_id     text not null references commitment (id),
    status            text not null check (status in ('PENDING', 'APPROVED', 'REJECTED')),
    decision_note     text,
    handled_by        text,
    decided_at        timestamptz,
    filed_at          timestamptz not null default clock_timestamp(),
    check ((record_id is null) <> (list_entry_id is null))
);
create unique index repair_pending_record_idx on repair (record_id) where status = 'PENDING';
create unique index repair_pending_entry_idx on repair (list_entry_id) where status = 'PENDING';
create index repair_department_idx on repair (department, status);

-- Every report issued, so that a report number can be checked later against the hash of its content.
create table credit_report (
    number         text primary key,
    subject_id     bigint not null references subject (id),
    view           text not null,
    generated_at   timestamptz not null,
    content        jsonb not null,
    content_sha256 text not null,
    requested_by   text
);

create table watchlist (
    id              text primary key,
    owner           text not null,                 -- dept:<code> or key:<api client id>
    name            text not null,
    webhook_url     text,
    webhook_secret  text,                          -- HMAC key for webhook signatures; shown once at creation
    created_at      timestamptz not null default clock_timestamp()
);

-- What the watcher was last told about a subject: the base line new events are measured against.
create table watch_subject (
    watchlist_id  text not null references watchlist (id) on delete cascade,
    subject_id    bigint not null references subject (id),
    black_lists   bigint[] not null,
    penalties     bigint[] not null,
    grade         char(1) not null,
    primary key (watchlist_id, subject_id)
);
create index watch_subject_subject_idx on watch_subject (subject_id);

create table watch_event (
    seq            bigserial primary key,
    watchlist_id   text not null references watchlist (id) on delete cascade,
    subject_id     bigint not null references subject (id),
    kind           text not null check (kind in ('BLACK_LIST', 'PENALTY', 'GRADE_DROP')),
    detail         jsonb not null,
    occurred_at    timestamptz not null default clock_timestamp(),
    delivered_at   timestamptz,
    attempts       integer not null default 0,
    next_attempt   timestamptz
);
create index watch_event_list_idx on watch_event (watchlist_id, seq);
create index watch_event_delivery_idx on watch_event (next_attempt) where delivered_at is null and next_attempt is not null;

-- Every change of a subject passes through the search outbox; watched subjects are also queued for the watch scan.
create table watch_outbox (
    id          bigserial primary key,
    subject_id  bigint not null
);

create function queue_watched_subjects() returns trigger language plpgsql as $$
begin
    insert into watch_outbox (subject_id)
    select distinct a.subject_id from added a where exists (select 1 from watch_subject w where w.subject_id = a.subject_id);
    return null;
end;
$$;

create trigger search_outbox_watch after insert on search_outbox
    referencing new table as added for each statement execute function queue_watched_subjects();
