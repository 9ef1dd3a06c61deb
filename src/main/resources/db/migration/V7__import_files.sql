-- 双公示 template uploads: one row per file with its import report, kept for the clerk and for auditors.
create table import_file (
    id               uuid primary key,
    department       text not null,
    uploaded_by      text,
    file_name        text not null,
    template         text not null,
    format           text not null,
    rows             integer not null,
    accepted         integer not null,
    rejected         integer not null,
    warnings         integer not null,
    new_subjects     integer not null,
    changed_subjects integer not null,
    report           jsonb not null,    -- errors and warnings by row and column (bounded)
    header           jsonb not null,    -- the file's header cells, for the annotated copy
    rejected_rows    jsonb not null,    -- [{row, cells}] of refused rows (bounded), for the annotated copy
    created_at       timestamptz not null default clock_timestamp()
);
create index import_file_department_idx on import_file (department, created_at desc);

-- Timeliness: decision-to-publication delay per department (received = first ingest of the record).
create index credit_record_received_idx on credit_record (created_at);
