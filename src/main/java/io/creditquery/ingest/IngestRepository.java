package io.creditquery.ingest;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Set-based upserts for ingest: one statement per batch (unnest of arrays), idempotent by natural keys, touching
 * only rows whose content changes, and enqueuing each changed subject in the search outbox in the same transaction.
 * Each upsert returns the subjects whose data changed.
 */
@ApplicationScoped
public class IngestRepository {

    /** A subject whose stored data changed; a new one cannot have cached views yet. */
    public record ChangedSubject(String key, boolean inserted) {
    }

    /** A record or list change is a change of its subject: new version (for index ordering) and an outbox row. */
    private static final String TOUCH_SUBJECTS = """
            , touched as (
                update subject s set version = s.version + 1, updated_at = clock_timestamp()
                where s.id in (select subject_id from upserted)
                returning s.id, s.subject_key
            ), outbox as (
                insert into search_outbox (subject_id) select id from touched
            )
            select subject_key, false as inserted from touched
            """;

    /**
     * The status a re-filed record gets: the platform's own decisions stand against a department's re-sync, i.e. an
     * open objection keeps UNDER_OBJECTION, an objection upheld by deletion keeps REVOKED, an approved repair keeps
     * REPAIRED; otherwise the filed status.
     */
    private static final String WORKFLOW_STATUS_KEPT = """
            case when exists (select 1 from objection o where o.record_id = r.id and o.status in ('FILED', 'ACCEPTED', 'DELETED'))
                   or exists (select 1 from repair p where p.record_id = r.id and p.status = 'APPROVED')
                 then r.status else excluded.status end""";

    /**
     * Subjects are inserted, or changed only by the department that registered them ($14) or by a registrar ($14
     * null: scope ingest:all). A line of another department that would change a subject is not applied and comes
     * back as refused; one that changes nothing is no change, whoever sends it.
     */
    private static final String UPSERT_SUBJECTS = """
            with input as (
                select subject_key, subject_type, uscc, registration_no, id_masked, name, legal_representative,
                       region_code, industry_code, status, established_on::date as established_on,
                       registered_capital::numeric as registered_capital, address
                from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                            $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[])
                    as t(subject_key, subject_type, uscc, registration_no, id_masked, name, legal_representative,
                         region_code, industry_code, status, established_on, registered_capital, address)
            ), refused as (
                select i.subject_key from input i join subject s on s.subject_key = i.subject_key
                where $14::text is not null and s.registered_by is distinct from $14::text
                  and (s.subject_type, s.registration_no, s.id_masked, s.name, s.legal_representative, s.region_code,
                       s.industry_code, s.status, s.established_on, s.registered_capital, s.address)
                      is distinct from
                      (i.subject_type, i.registration_no, i.id_masked, i.name, i.legal_representative, i.region_code,
                       i.industry_code, i.status, i.established_on, i.registered_capital, i.address)
            ), upserted as (
                insert into subject as s (subject_key, subject_type, uscc, registration_no, id_masked, name,
                                          legal_representative, region_code, industry_code, status, established_on,
                                          registered_capital, address, registered_by)
                select subject_key, subject_type, uscc, registration_no, id_masked, name, legal_representative,
                       region_code, industry_code, status, established_on, registered_capital, address, $14::text
                from input
                on conflict (subject_key) do update set
                    subject_type = excluded.subject_type, registration_no = excluded.registration_no,
                    id_masked = excluded.id_masked, name = excluded.name,
                    legal_representative = excluded.legal_representative, region_code = excluded.region_code,
                    industry_code = excluded.industry_code, status = excluded.status,
                    established_on = excluded.established_on, registered_capital = excluded.registered_capital,
                    address = excluded.address, version = s.version + 1, updated_at = clock_timestamp()
                where ($14::text is null or s.registered_by = $14::text)
                  and (s.subject_type, s.registration_no, s.id_masked, s.name, s.legal_representative, s.region_code,
                       s.industry_code, s.status, s.established_on, s.registered_capital, s.address)
                      is distinct from
                      (excluded.subject_type, excluded.registration_no, excluded.id_masked, excluded.name,
                       excluded.legal_representative, excluded.region_code, excluded.industry_code, excluded.status,
                       excluded.established_on, excluded.registered_capital, excluded.address)
                returning s.id, s.subject_key, (s.xmax = 0) as inserted
            ), outbox as (
                insert into search_outbox (subject_id) select id from upserted
            )
            select subject_key, inserted, false as refused from upserted
            union all
            select subject_key, false, true from refused
            """;

    private static final String UPSERT_RECORDS = """
            with input as (
                select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                                     $8::text[], $9::text[], $10::text[])
                    as t(subject_key, category, source_dept, source_doc_no, decision_date, title, content,
                         classification, publicity_until, status)
            ), upserted as (
                insert into credit_record as r (subject_id, category, source_dept, source_doc_no, decision_date, title,
                                                content, classification, publicity_until, status)
                select s.id, i.category, i.source_dept, i.source_doc_no, i.decision_date::date, i.title,
                       i.content::jsonb, i.classification, i.publicity_until::date, i.status
                from input i join subject s on s.subject_key = i.subject_key
                on conflict (source_dept, source_doc_no) do update set
                    subject_id = excluded.subject_id, category = excluded.category,
                    decision_date = excluded.decision_date, title = excluded.title, content = excluded.content,
                    classification = excluded.classification, publicity_until = excluded.publicity_until,
                    status = %1$s, version = r.version + 1, updated_at = clock_timestamp()
                where (r.subject_id, r.category, r.decision_date, r.title, r.content, r.classification,
                       r.publicity_until, r.status)
                      is distinct from
                      (excluded.subject_id, excluded.category, excluded.decision_date, excluded.title,
                       excluded.content, excluded.classification, excluded.publicity_until, %1$s)
                returning r.subject_id
            )
            """.formatted(WORKFLOW_STATUS_KEPT) + TOUCH_SUBJECTS;

    private static final String UPSERT_LIST_ENTRIES = """
            with input as (
                select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                                     $8::text[], $9::text[])
                    as t(subject_key, list_type, authority, decision_no, basis, listed_on, planned_exit_on, exited_on,
                         exit_reason)
            ), upserted as (
                insert into list_entry as l (subject_id, list_type, authority, decision_no, basis, listed_on,
                                             planned_exit_on, exited_on, exit_reason)
                select s.id, i.list_type, i.authority, i.decision_no, i.basis, i.listed_on::date,
                       i.planned_exit_on::date, i.exited_on::date, i.exit_reason
                from input i join subject s on s.subject_key = i.subject_key
                on conflict (authority, decision_no) do update set
                    subject_id = excluded.subject_id, list_type = excluded.list_type, basis = excluded.basis,
                    listed_on = excluded.listed_on, planned_exit_on = excluded.planned_exit_on,
                    exited_on = excluded.exited_on, exit_reason = excluded.exit_reason,
                    version = l.version + 1, updated_at = clock_timestamp()
                where (l.subject_id, l.list_type, l.basis, l.listed_on, l.planned_exit_on, l.exited_on, l.exit_reason)
                      is distinct from
                      (excluded.subject_id, excluded.list_type, excluded.basis, excluded.listed_on,
                       excluded.planned_exit_on, excluded.exited_on, excluded.exit_reason)
                returning l.subject_id
            )
            """ + TOUCH_SUBJECTS;

    /** Subject keys among {@code keys} that exist. */
    public Uni<Set<String>> existingSubjects(SqlConnection connection, Collection<String> keys) {
        return registeredNames(connection, keys).map(Map::keySet);
    }

    /** For the department's decision numbers among {@code docNos} that are on file: the subject each belongs to. */
    public Uni<Map<String, String>> recordSubjects(SqlConnection connection, String department, Collection<String> docNos) {
        return pairs(connection, "select r.source_doc_no, s.subject_key from credit_record r join subject s"
                + " on s.id = r.subject_id where r.source_dept = $1 and r.source_doc_no = any($2)",
                Tuple.of(department, docNos.toArray(String[]::new)));
    }

    /** The registered name of each subject among {@code keys} that exists. */
    public Uni<Map<String, String>> registeredNames(SqlConnection connection, Collection<String> keys) {
        return pairs(connection, "select subject_key, name from subject where subject_key = any($1)",
                Tuple.of(keys.toArray(String[]::new)));
    }

    /** Registration numbers among the given ones that belong to a subject other than the one named. */
    public Uni<Map<String, String>> registrationOwners(SqlConnection connection, Collection<String> registrationNos) {
        return pairs(connection, "select registration_no, subject_key from subject where registration_no = any($1)",
                Tuple.of(registrationNos.toArray(String[]::new)));
    }

    /** The first column of each row mapped to the second. */
    private static Uni<Map<String, String>> pairs(SqlConnection connection, String sql, Tuple parameters) {
        return connection.preparedQuery(sql).execute(parameters).map(rows -> {
            Map<String, String> pairs = new HashMap<>();
            rows.forEach(row -> pairs.put(row.getString(0), row.getString(1)));
            return pairs;
        });
    }

    /** What a batch of subject lines did: the subjects changed, and those another department registered. */
    public record SubjectWrite(List<ChangedSubject> changed, Set<String> refused) {
    }

    /** @param department the caller's department, which registers new subjects; null for a registrar (ingest:all) */
    public Uni<SubjectWrite> upsertSubjects(SqlConnection connection, List<SubjectUpsert> lines, String department) {
        if (lines.isEmpty()) {
            return Uni.createFrom().item(new SubjectWrite(List.of(), Set.of()));
        }
        Tuple params = arrays(lines, List.of(
                SubjectUpsert::subjectKey, s -> s.type().name(), SubjectUpsert::uscc, SubjectUpsert::registrationNo,
                SubjectUpsert::idMasked, SubjectUpsert::name, SubjectUpsert::legalRepresentative,
                SubjectUpsert::regionCode, SubjectUpsert::industryCode, s -> s.status().name(),
                s -> text(s.establishedOn()), s -> text(s.registeredCapital()), SubjectUpsert::address))
                .addString(department);
        return connection.preparedQuery(UPSERT_SUBJECTS).execute(params).map(rows -> {
            List<ChangedSubject> changed = new ArrayList<>();
            Set<String> refused = new HashSet<>();
            for (Row row : rows) {
                if (row.getBoolean(2)) {
                    refused.add(row.getString(0));
                } else {
                    changed.add(new ChangedSubject(row.getString(0), row.getBoolean(1)));
                }
            }
            return new SubjectWrite(changed, refused);
        });
    }

    /** Which department registered each of these subjects (absent: registered before that was kept, or unknown). */
    public Uni<Map<String, String>> registrars(SqlConnection connection, Collection<String> keys) {
        return pairs(connection, "select subject_key, registered_by from subject where subject_key = any($1)"
                + " and registered_by is not null", Tuple.of(keys.toArray(String[]::new)));
    }

    public Uni<List<ChangedSubject>> upsertRecords(SqlConnection connection, List<RecordUpsert> lines) {
        return execute(connection, UPSERT_RECORDS, lines, List.of(
                RecordUpsert::subjectKey, r -> r.category().name(), RecordUpsert::sourceDept,
                RecordUpsert::sourceDocNo, r -> text(r.decisionDate()), RecordUpsert::title,
                RecordUpsert::contentJson, r -> r.classification().name(), r -> text(r.publicityUntil()),
                r -> r.status().name()));
    }

    public Uni<List<ChangedSubject>> upsertListEntries(SqlConnection connection, List<ListEntryUpsert> lines) {
        return execute(connection, UPSERT_LIST_ENTRIES, lines, List.of(
                ListEntryUpsert::subjectKey, l -> l.listType().name(), ListEntryUpsert::authority,
                ListEntryUpsert::decisionNo, ListEntryUpsert::basis, l -> text(l.listedOn()),
                l -> text(l.plannedExitOn()), l -> text(l.exitedOn()), ListEntryUpsert::exitReason));
    }

    /** Binds one text array per column, in the order of the statement's parameters. */
    private static <T> Uni<List<ChangedSubject>> execute(SqlConnection connection, String sql, List<T> lines,
                                                 List<Function<T, String>> columns) {
        if (lines.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return connection.preparedQuery(sql).execute(arrays(lines, columns)).map(rows -> {
            List<ChangedSubject> changed = new ArrayList<>();
            for (Row row : rows) {
                changed.add(new ChangedSubject(row.getString(0), row.getBoolean(1)));
            }
            return changed;
        });
    }

    /** One text array per column, in the order of the statement's parameters. */
    private static <T> Tuple arrays(List<T> lines, List<Function<T, String>> columns) {
        Tuple params = Tuple.tuple();
        for (Function<T, String> column : columns) {
            params.addArrayOfString(lines.stream().map(column).toArray(String[]::new));
        }
        return params;
    }

    private static String text(Object value) {
        return Objects.toString(value, null);
    }
}
