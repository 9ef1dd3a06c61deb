package io.creditquery.asof;

import io.creditquery.evaluation.EvaluationRepository;
import io.creditquery.evaluation.EvaluationSql;
import io.creditquery.list.ListVisibility;
import io.creditquery.record.PublicVisibility;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Subjects' lists, public record counts and commitments on a date (valid time) as the platform knew them at a time
 * (recorded time). List entries come from their versions (list_entry_history); a record's status at a time from its
 * status changes; a repaired record or entry was in force until its repair, one deleted after an objection never was.
 * That reconstruction is for callers with a legal basis (departments, the subject itself). For the public the past
 * is shown only as far as it is still public now ({@code publicOnly}): what was repaired (信用修复后停止公示), revoked,
 * exited or is past its publicity window since is left out, and so is a natural person no public list names today.
 */
@ApplicationScoped
public class AsOfRepository {

    private static final String LISTS = """
            select h.id, h.subject_id, h.list_type, h.authority, h.decision_no, h.basis, h.listed_on, h.planned_exit_on
            from list_entry_history h
            where h.subject_id = any($1) and h.recorded_from <= $3 and h.recorded_to > $3
              and h.status in ('ACTIVE', 'UNDER_OBJECTION', 'REPAIRED')
              and h.listed_on <= $2 and (h.exited_on is null or h.exited_on > $2)
              and (h.planned_exit_on is null or h.planned_exit_on > $2)
              and (not $4 or exists (select 1 from list_entry l where l.id = h.id and %s))
            order by h.subject_id, h.listed_on desc
            """.formatted(ListVisibility.LIST_SQL);

    private static final String RECORDS = """
            select r.subject_id, r.category, count(*) as n,
                   count(*) filter (where r.category = 'CREDIT_COMMITMENT' and r.content ->> 'kept' = 'false'
                                    and r.decision_date > $2::date - interval '%1$s') as broken
            from credit_record r
            cross join lateral (
                select coalesce(
                    (select c.new_status from credit_record_status_change c where c.record_id = r.id
                       and c.changed_at <= $3 order by c.changed_at desc limit 1),
                    (select c.old_status from credit_record_status_change c where c.record_id = r.id
                       and c.changed_at > $3 order by c.changed_at limit 1),
                    r.status) as status,
                    (select min(c.changed_at) from credit_record_status_change c where c.record_id = r.id
                       and c.new_status = 'REPAIRED' and c.changed_at <= $3) as repaired_at
            ) s
            where r.subject_id = any($1) and r.created_at <= $3 and r.classification = 'PUBLIC'
              and r.decision_date <= $2 and (r.publicity_until is null or r.publicity_until >= $2)
              and (s.status in ('ACTIVE', 'UNDER_OBJECTION') or (s.status = 'REPAIRED' and s.repaired_at::date > $2))
              and (not $4 or (%2$s))
            group by r.subject_id, r.category order by r.subject_id, r.category
            """.formatted(EvaluationSql.COMMITMENT_LOOKBACK, PublicVisibility.RECORD_SQL);

    private static final String COMMITMENTS = """
            select c.subject_id, count(*) filter (where not c.kept) as broken, count(*) filter (where c.kept) as kept
            from commitment c
            where c.subject_id = any($1) and c.created_at <= $3 and c.assessed_on <= $2
              and c.assessed_on > $2::date - interval '%s'
            group by c.subject_id
            """.formatted(EvaluationSql.COMMITMENT_LOOKBACK);

    /** A list entry in force on the date. */
    public record EntryOn(long id, String listType, String authority, String decisionNo, String basis,
                          LocalDate listedOn, LocalDate plannedExitOn) {
    }

    /** What a subject's profile and checks need, on a date as known at a time. */
    public record FactsOn(List<EntryOn> lists, Map<String, Long> recordCounts, EvaluationRepository.Counts counts) {
    }

    private final Pool pool;

    public AsOfRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Map<Long, FactsOn>> facts(Collection<Long> subjectIds, LocalDate date, OffsetDateTime knownAt,
                                         boolean publicOnly) {
        Tuple params = Tuple.of(subjectIds.toArray(Long[]::new), date, knownAt);
        Tuple visible = Tuple.of(subjectIds.toArray(Long[]::new), date, knownAt, publicOnly);
        return pool.preparedQuery(LISTS).execute(visible).chain(lists -> pool.preparedQuery(RECORDS).execute(visible)
                .chain(records -> pool.preparedQuery(COMMITMENTS).execute(params).map(commitments -> {
                    Map<Long, List<EntryOn>> entries = new HashMap<>();
                    for (Row row : lists) {
                        entries.computeIfAbsent(row.getLong("subject_id"), id -> new ArrayList<>()).add(new EntryOn(
                                row.getLong("id"), row.getString("list_type"), row.getString("authority"),
                                row.getString("decision_no"), row.getString("basis"), row.getLocalDate("listed_on"),
                                row.getLocalDate("planned_exit_on")));
                    }
                    Map<Long, Map<String, Long>> counts = new HashMap<>();
                    Map<Long, Long> brokenRecords = new HashMap<>();
                    for (Row row : records) {
                        counts.computeIfAbsent(row.getLong("subject_id"), id -> new LinkedHashMap<>())
                                .put(row.getString("category"), row.getLong("n"));
                        brokenRecords.merge(row.getLong("subject_id"), row.getLong("broken"), Long::sum);
                    }
                    Map<Long, long[]> promised = new HashMap<>();
                    for (Row row : commitments) {
                        promised.put(row.getLong("subject_id"), new long[]{row.getLong("broken"), row.getLong("kept")});
                    }
                    Map<Long, FactsOn> facts = new HashMap<>();
                    for (Long id : subjectIds) {
                        Map<String, Long> byCategory = counts.getOrDefault(id, Map.of());
                        long[] kept = promised.getOrDefault(id, new long[2]);
                        facts.put(id, new FactsOn(entries.getOrDefault(id, List.of()), byCategory,
                                new EvaluationRepository.Counts(byCategory.getOrDefault("ADMIN_PENALTY", 0L).intValue(),
                                        0, (int) (kept[0] + brokenRecords.getOrDefault(id, 0L)), (int) kept[1])));
                    }
                    return facts;
                })));
    }
}
