-- Audit log v2: one hash chain over all replicas, monthly partitions, checkpoints.
-- Rows written before this version have no chain; they are kept in audit_event_legacy.
alter table audit_event rename to audit_event_legacy;
alter index audit_event_occurred_idx rename to audit_event_legacy_occurred_idx;

create table audit_event (
    seq            bigint not null default nextval('audit_event_seq_seq'),
    occurred_at    timestamptz not null,
    recorded_at    timestamptz not null default clock_timestamp(),
    actor_kind     text not null,
    actor_id       text,
    department     text,
    api_key_id     text,
    client_ip      text,
    method         text not null,
    endpoint       text not null,
    query          jsonb not null default '{}',
    subjects       jsonb not null default '[]',
    result_count   integer not null,
    status         integer not null,
    latency_micros bigint not null,
    request_id     text,
    prev_hash      text not null,             -- hash of the previous event of the chain ('' for the first)
    hash           text not null,             -- SHA-256 over prev_hash and this event's content
    primary key (seq, occurred_at)
) partition by range (occurred_at);
alter sequence audit_event_seq_seq owned by audit_event.seq;

create index audit_event_occurred_idx on audit_event (occurred_at);
create index audit_event_subjects_idx on audit_event using gin (subjects jsonb_path_ops);
create index audit_event_actor_idx on audit_event (actor_id, seq);
create index audit_event_department_idx on audit_event (department, seq);

-- A default partition catches anything outside the monthly ones, so a write never fails for want of a partition;
-- AuditPartitions creates the months ahead and moves nothing (the default stays small).
create table audit_event_default partition of audit_event default;

-- Periodic checkpoints of the chain head: where verification and archiving start from.
create table audit_checkpoint (
    id         bigserial primary key,
    taken_at   timestamptz not null default clock_timestamp(),
    last_seq   bigint not null,
    last_hash  text not null,
    events     bigint not null
);

-- The head of the chain: the one row every batch locks, so replicas append one after another and never fork it.
create table audit_chain_head (
    id        integer primary key check (id = 1),
    last_seq  bigint not null,
    last_hash text not null,
    events    bigint not null
);
insert into audit_chain_head values (1, 0, '', 0);
