-- Credit checks as answered (可核、可溯): the stored answer is what GET /api/v1/verifications/{id} returns, forever.
create table verification (
    id          uuid primary key,
    created_at  timestamptz not null default clock_timestamp(),
    actor_id    text,
    department  text,
    scenario    text not null,
    subjects    integer not null,
    result      jsonb not null
);
create index verification_department_idx on verification (department, created_at);
