-- 联合奖惩反馈: what the checking department did with a check's answer (a measure applied, or not and why, and how
-- the case ended), reported once per check. The service appends feedback; a report is not changed afterwards.
create table verification_feedback (
    verification_id uuid primary key references verification (id),
    department      text,
    reported_by     text not null,
    outcome         text not null check (outcome in ('MEASURE_APPLIED', 'MEASURE_NOT_APPLIED', 'NO_MEASURE_NEEDED')),
    reason          text,
    case_outcome    text,
    reported_at     timestamptz not null default clock_timestamp(),
    check (outcome <> 'MEASURE_NOT_APPLIED' or reason is not null)
);
grant select, insert on verification_feedback to ${serviceRole};
-- Checks that named a measure (a black or red list hit) wait for their feedback; statistics group by month.
create index verification_measures_idx on verification (department, created_at)
    where (result -> 'summary' ->> 'block')::int + (result -> 'summary' ->> 'caution')::int
          + (result -> 'summary' ->> 'reward')::int > 0;
