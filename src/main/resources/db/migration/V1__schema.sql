-- credit-query schema v1: PostgreSQL is the source of truth; Elasticsearch and Redis are derived.

create table department (
    code        text primary key,            -- <GB/T 2260 region>-<abbreviation>, e.g. 370100-SCJ
    name        text not null,
    region_code char(6) not null
);

create table subject (
    id                   bigserial primary key,
    subject_key          text not null unique,  -- USCC for organisations; P-<hmac> for natural persons
    subject_type         text not null check (subject_type in ('ENTERPRISE', 'INDIVIDUAL_BUSINESS', 'SOCIAL_ORGANISATION',
                                                               'PUBLIC_INSTITUTION', 'GOVERNMENT_ORGAN', 'NATURAL_PERSON')),
    uscc                 char(18) unique,
    org_code             char(9) generated always as (substr(uscc, 9, 9)) stored,
    registration_no      char(15) unique,       -- old 工商注册号 (新老代码衔接)
    id_masked            text,                  -- natural persons only
    name                 text not null,
    legal_representative text,
    region_code          char(6) not null,      -- GB/T 2260
    industry_code        text,                  -- GB/T 4754
    status               text not null check (status in ('ACTIVE', 'REVOKED', 'CANCELLED', 'DISSOLVED')),
    established_on       date,
    registered_capital   numeric(18, 2),        -- 万元
    address              text,
    version              bigint not null default 1,
    created_at           timestamptz not null default clock_timestamp(),
    updated_at           timestamptz not null default clock_timestamp(),
    check ((subject_type = 'NATURAL_PERSON') = (uscc is null))
);
create index subject_org_code_idx on subject (org_code);
create index subject_updated_at_idx on subject (updated_at);

create table credit_record (
    id              bigserial primary key,
    subject_id      bigint not null references subject (id),
    category        text not null,
    source_dept     text not null,
    source_doc_no   text not null,              -- 决定书文号: with the department, the idempotency key
    decision_date   date not null,
    title           text not null,
    content         jsonb not null default '{}',
    classification  text not null check (classification in ('PUBLIC', 'CONDITIONAL', 'RESTRICTED')),
    publicity_until date,
    status          text not null check (status in ('ACTIVE', 'UNDER_OBJECTION', 'CORRECTED', 'REPAIRED', 'REVOKED')),
    version         bigint not null default 1,
    created_at      timestamptz not null default clock_timestamp(),
    updated_at      timestamptz not null default clock_timestamp(),
    unique (source_dept, source_doc_no)
);
create index credit_record_subject_idx on credit_record (subject_id, category, decision_date desc);

create table list_entry (
    id              bigserial primary key,
    subject_id      bigint not null references subject (id),
    list_type       text not null,
    authority       text not null,              -- deciding department code
    decision_no     text not null,              -- 认定文书号: with the authority, the idempotency key
    basis           text not null,
    listed_on       date not null,
    planned_exit_on date,
    exited_on       date,
    exit_reason     text,
    version         bigint not null default 1,
    created_at      timestamptz not null default clock_timestamp(),
    updated_at      timestamptz not null default clock_timestamp(),
    unique (authority, decision_no),
    check (exited_on is null or exited_on >= listed_on)
);
create index list_entry_subject_idx on list_entry (subject_id);

create table api_client (
    id          uuid primary key,
    name        text not null,
    key_hash    text not null unique,           -- SHA-256 of the secret with a server-side pepper; never the secret
    scopes      text[] not null default '{}',
    daily_quota integer,
    rate_limit  integer,
    expires_at  timestamptz,
    revoked_at  timestamptz,
    created_at  timestamptz not null default clock_timestamp()
);

-- Transactional outbox: a change commits together with the row that asks for the subject to be re-indexed.
create table search_outbox (
    id          bigserial primary key,
    subject_id  bigint not null,
    enqueued_at timestamptz not null default clock_timestamp()
);

create table audit_event (
    seq            bigserial primary key,
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
    request_id     text
);
create index audit_event_occurred_idx on audit_event (occurred_at);
