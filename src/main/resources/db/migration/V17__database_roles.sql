-- Least privilege for the service's own role (${serviceRole}); this and every migration runs as the owner role.
-- The service reads and writes the rows of the credit data, and may only append to the audit log: no UPDATE,
-- DELETE or TRUNCATE of an audit event or checkpoint, no DDL anywhere. New tables of later migrations grant
-- what the service needs explicitly (DatabaseRolesIT fails for a table the service cannot use as intended).

revoke all on all tables in schema public from ${serviceRole};
revoke all on all sequences in schema public from ${serviceRole};

do $$
declare
    t record;
begin
    for t in select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
             where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
               and c.relname not like 'audit\_%' and c.relname <> 'flyway_schema_history'
    loop
        execute format('grant select, insert, update, delete on public.%I to %I', t.relname, '${serviceRole}');
    end loop;
end $$;
grant usage on schema public to ${serviceRole};
grant usage on all sequences in schema public to ${serviceRole};

-- The audit log: append and read, nothing else. The chain head moves forward only (trigger below).
grant select, insert on audit_event, audit_checkpoint to ${serviceRole};
grant select, update (last_hash, events) on audit_chain_head to ${serviceRole};
grant select on audit_event_legacy to ${serviceRole};

create function audit_chain_head_forward() returns trigger language plpgsql as $$
begin
    if new.events < old.events then
        raise exception 'the audit chain head moves forward only (% events, not %)', old.events, new.events
            using errcode = 'insufficient_privilege';
    end if;
    return new;
end $$;
create trigger audit_chain_head_forward before update on audit_chain_head
    for each row execute function audit_chain_head_forward();

-- Monthly partitions are created by the owner on the service's behalf: the service may ask for a month, and
-- nothing else (a partition owned by the service would let it truncate its month).
create function audit_ensure_month(first_day date) returns void
    language plpgsql security definer set search_path = pg_catalog, public as $$
declare
    partition text := format('audit_event_%s', to_char(first_day, 'YYYY_MM'));
begin
    if first_day <> date_trunc('month', first_day)::date then
        raise exception 'a month starts on its first day, not on %', first_day;
    end if;
    execute format('create table if not exists public.%I partition of public.audit_event for values from (%L) to (%L)',
                   partition, first_day, (first_day + interval '1 month')::date);
end $$;
revoke all on function audit_ensure_month(date) from public;
grant execute on function audit_ensure_month(date) to ${serviceRole};

-- The queue tables are vacuumed by the service every few seconds (QueueVacuum), and on PostgreSQL 15 only a
-- table's owner may vacuum it: the service owns these three, which hold work in flight and no record of anything.
-- A new owner needs CREATE on the schema at the moment of the change only; the service does not keep it.
grant create on schema public to ${serviceRole};
alter table search_outbox owner to ${serviceRole};
alter table watch_outbox owner to ${serviceRole};
alter table webhook_delivery owner to ${serviceRole};
revoke create on schema public from ${serviceRole};

-- When the chain was re-keyed (V18, AuditChainRekey), whether the unkeyed chain before it verified: re-keying a
-- chain that was already broken must not launder the break, so the verifier keeps reporting it.
create table audit_chain_rekey (
    rekeyed_at    timestamptz not null default clock_timestamp(),
    events        bigint not null,
    broken_at_seq bigint,
    reason        text
);
grant select on audit_chain_rekey to ${serviceRole};
