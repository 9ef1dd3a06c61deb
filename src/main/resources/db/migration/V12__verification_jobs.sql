-- Asynchronous bulk credit checks: the job and every code with its answer, so a job survives restarts and each
-- code is answered exactly once (an answer is written in the same transaction that takes the code).
create table verification_job (
    id               text primary key,
    owner            text not null,              -- dept:<code> or apikey:<id>
    actor            text not null,
    department       text,
    scenario         text not null,
    purpose          text,
    idempotency_key  text,
    total            integer not null,
    done             integer not null default 0,
    status           text not null check (status in ('QUEUED', 'RUNNING', 'DONE')),
    created_at       timestamptz not null default clock_timestamp(),
    started_at       timestamptz,
    finished_at      timestamptz,
    turn_at          timestamptz not null default clock_timestamp(),  -- fair share: the job waiting longest goes next
    unique (owner, idempotency_key)
);
create index verification_job_turn_idx on verification_job (turn_at) where status <> 'DONE';

create table verification_job_item (
    job_id  text not null references verification_job (id) on delete cascade,
    idx     integer not null,
    code    text not null,
    result  jsonb,
    primary key (job_id, idx)
);
