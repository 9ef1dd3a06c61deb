package io.creditquery.verification;

import io.creditquery.common.JsonText;
import io.creditquery.evaluation.EvaluationRepository;
import io.creditquery.evaluation.EvaluationRules;
import io.creditquery.evaluation.EvaluationSql;
import io.creditquery.list.ListVisibility;
import io.creditquery.record.RecordStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Facts for many subjects in one round trip, and the stored answers of past checks. */
@ApplicationScoped
public class VerificationRepository {

    private static final String FACTS = """
            select s.subject_key, coalesce(s.uscc, s.id_masked) as code, s.name, s.subject_type, s.status,
                   l.id as list_id, l.list_type, l.authority, l.decision_no, l.basis, l.listed_on, l.planned_exit_on,
                   l.status as list_status, %s
            from subject s %s
            left join list_entry l on l.subject_id = s.id and %s
            where s.subject_key = any($1)
            order by s.subject_key, l.listed_on desc
            """.formatted(EvaluationSql.COLUMNS, EvaluationSql.JOINS, ListVisibility.LIST_SQL);

    private final Pool pool;
    private final JsonText json;

    private final EvaluationRules rules;

    public VerificationRepository(Pool pool, JsonText json, EvaluationRules rules) {
        this.pool = pool;
        this.json = json;
        this.rules = rules;
    }

    public Uni<Map<String, SubjectFacts>> facts(Collection<String> subjectKeys) {
        if (subjectKeys.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery(FACTS).execute(Tuple.of(subjectKeys.toArray(String[]::new))).map(rows -> {
            Map<String, Row> subjects = new LinkedHashMap<>();
            Map<String, List<SubjectFacts.ListFact>> lists = new HashMap<>();
            for (Row row : rows) {
                String key = row.getString("subject_key");
                subjects.putIfAbsent(key, row);
                List<SubjectFacts.ListFact> entries = lists.computeIfAbsent(key, k -> new ArrayList<>());
                if (row.getString("list_type") != null) {
                    entries.add(new SubjectFacts.ListFact(row.getLong("list_id"), row.getString("list_type"),
                            row.getString("authority"), row.getString("decision_no"), row.getString("basis"),
                            row.getLocalDate("listed_on"), row.getLocalDate("planned_exit_on"),
                            RecordStatus.UNDER_OBJECTION.name().equals(row.getString("list_status"))));
                }
            }
            Map<String, SubjectFacts> facts = new LinkedHashMap<>();
            subjects.forEach((key, row) -> {
                List<SubjectFacts.ListFact> entries = lists.get(key);
                EvaluationRepository.Counts counts = EvaluationRepository.Counts.of(row);
                facts.put(key, new SubjectFacts(key, row.getString("code"), row.getString("name"),
                        row.getString("subject_type"), row.getString("status"), List.copyOf(entries),
                        counts.recordsUnderObjection(),
                        rules.evaluate(entries.stream().map(SubjectFacts.ListFact::listType).toList(), counts)));
            });
            return facts;
        });
    }

    /** A subject as a past check needs it. */
    public record KnownSubject(String subjectKey, String code, String name, String subjectType, String status) {
    }

    /** Subjects by key that the platform knew at {@code knownAt} (registration data as it is now), by row id. */
    public Uni<Map<Long, KnownSubject>> subjectsKnownAt(Collection<String> subjectKeys, OffsetDateTime knownAt) {
        if (subjectKeys.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery("select id, subject_key, coalesce(uscc, id_masked) as code, name, subject_type, status"
                        + " from subject where subject_key = any($1) and created_at <= $2")
                .execute(Tuple.of(subjectKeys.toArray(String[]::new), knownAt))
                .map(rows -> {
                    Map<Long, KnownSubject> subjects = new LinkedHashMap<>();
                    for (Row row : rows) {
                        subjects.put(row.getLong("id"), new KnownSubject(row.getString("subject_key"),
                                row.getString("code"), row.getString("name"), row.getString("subject_type"),
                                row.getString("status")));
                    }
                    return subjects;
                });
    }

    public Uni<Void> store(VerificationResult result, String actor) {
        return pool.preparedQuery("insert into verification (id, created_at, actor_id, department, scenario, subjects,"
                        + " result) values ($1, $2, $3, $4, $5, $6, $7::text::jsonb)")
                .execute(Tuple.tuple().addUUID(UUID.fromString(result.id())).addOffsetDateTime(result.asOf())
                        .addString(actor).addString(result.department()).addString(result.scenario().name())
                        .addInteger(result.items().size()).addString(json.write(result)))
                .replaceWithVoid();
    }

    public Uni<VerificationResult> find(UUID id) {
        return pool.preparedQuery("select result from verification where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null
                        : json.read(rows.iterator().next().getJsonObject(0).encode(), VerificationResult.class));
    }
}
