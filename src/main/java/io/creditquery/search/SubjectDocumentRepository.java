package io.creditquery.search;

import io.creditquery.evaluation.EvaluationRepository;
import io.creditquery.evaluation.EvaluationRules;
import io.creditquery.evaluation.EvaluationSql;
import io.creditquery.list.ListType;
import io.creditquery.list.ListVisibility;
import io.creditquery.security.PersonalIds;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads subjects from PostgreSQL in the shape of the search index documents (search-mappings/subjects.json). */
@ApplicationScoped
public class SubjectDocumentRepository {

    private static final String SELECT = """
            select s.id, s.subject_key, s.uscc, s.registration_no, s.org_code, s.id_masked, s.subject_type, s.name,
                   s.legal_representative, s.region_code, s.industry_code, s.status, s.established_on::text,
                   s.registered_capital::float8, s.version, s.updated_at,
                   rc.public_categories as categories,
                   array(select distinct l.list_type from list_entry l where l.subject_id = s.id and %s) as lists,
                   exists (select 1 from list_entry l where l.subject_id = s.id and l.status = 'UNDER_OBJECTION'
                           and %s) as list_under_objection,
                   %s
            from subject s %s
            """.formatted(ListVisibility.LIST_SQL, ListVisibility.LIST_SQL, EvaluationSql.COLUMNS,
            EvaluationSql.JOINS);

    private final EvaluationRules rules;

    public SubjectDocumentRepository(EvaluationRules rules) {
        this.rules = rules;
    }

    /**
     * Which subjects belong in the index: every organisation, and natural persons only while a list that names
     * persons publicly holds them (the {@code public} flag of {@link #document}, in SQL for the consistency check).
     */
    static final String INDEXED_SQL = """
            (s.subject_type <> 'NATURAL_PERSON' or exists (select 1 from list_entry l where l.subject_id = s.id
             and l.list_type = any('{%s}') and %s))""".formatted(String.join(",", Arrays.stream(ListType.values())
            .filter(ListType::namesPersonsPublicly).map(ListType::name).toList()), ListVisibility.LIST_SQL);

    /**
     * A subject's document with its id (the subject key) and version (for external versioning in the index); a
     * document that is not {@link #indexed()} is deleted from the index rather than written.
     */
    public record SubjectDocument(long rowId, String key, long version, Map<String, Object> source) {
        /** Natural persons no public list names stay out of the index altogether, not only out of answers. */
        public boolean indexed() {
            return Boolean.TRUE.equals(source.get("public"));
        }
    }

    public Uni<List<SubjectDocument>> byIds(SqlClient client, List<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return client.preparedQuery(SELECT + " where s.id = any($1)")
                .execute(Tuple.of(ids.toArray(Long[]::new)))
                .map(this::documents);
    }

    /** Keyset page: subjects with id greater than {@code afterId}, in id order. */
    public Uni<List<SubjectDocument>> page(SqlClient client, long afterId, int size) {
        return client.preparedQuery(SELECT + " where s.id > $1 order by s.id limit $2")
                .execute(Tuple.of(afterId, size))
                .map(this::documents);
    }

    public Uni<List<Long>> idsUpdatedSince(SqlClient client, OffsetDateTime since) {
        return client.preparedQuery("select id from subject where updated_at >= $1")
                .execute(Tuple.of(since))
                .map(rows -> {
                    List<Long> ids = new ArrayList<>();
                    rows.forEach(row -> ids.add(row.getLong(0)));
                    return ids;
                });
    }

    private List<SubjectDocument> documents(Iterable<Row> rows) {
        List<SubjectDocument> documents = new ArrayList<>();
        for (Row row : rows) {
            documents.add(document(row));
        }
        return documents;
    }

    private SubjectDocument document(Row row) {
        String key = row.getString("subject_key");
        String type = row.getString("subject_type");
        String region = row.getString("region_code");
        List<String> lists = Arrays.asList(row.getArrayOfStrings("lists"));
        Set<String> kinds = new LinkedHashSet<>();
        boolean publiclyNamed = false;
        for (String list : lists) {
            ListType listType = ListType.valueOf(list);
            kinds.add(listType.kind().name());
            publiclyNamed |= listType.namesPersonsPublicly();
        }
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("subject_key", key);
        source.put("uscc", row.getString("uscc"));
        source.put("registration_no", row.getString("registration_no"));
        source.put("org_code", row.getString("org_code"));
        source.put("id_masked", row.getString("id_masked"));
        source.put("subject_type", type);
        String name = row.getString("name");
        ChineseText.NameParts parts = ChineseText.parts(name);
        source.put("name", name);
        source.put("name_core", parts.core());
        source.put("name_bigrams", ChineseText.bigrams(parts.compact()));
        source.put("pinyin", String.join(" ", ChineseText.pinyin(parts.compact())));
        source.put("pinyin_initials", ChineseText.initialVariants(parts));
        source.put("legal_representative", row.getString("legal_representative"));
        source.put("region_code", region);
        source.put("region_prefixes", List.of(region.substring(0, 2), region.substring(0, 4), region));
        source.put("industry_code", row.getString("industry_code"));
        source.put("status", row.getString("status"));
        source.put("established_on", row.getString("established_on"));
        source.put("registered_capital", row.getDouble("registered_capital"));
        source.put("list_types", lists);
        source.put("list_kinds", List.copyOf(kinds));
        source.put("record_categories", Arrays.asList(row.getArrayOfStrings("categories")));
        EvaluationRepository.Counts counts = EvaluationRepository.Counts.of(row);
        source.put("grade", rules.evaluate(lists, counts).grade().name());
        source.put("under_objection", row.getBoolean("list_under_objection") || counts.recordsUnderObjection() > 0);
        // Natural persons appear in public search only when a law-mandated public list names them.
        source.put("public", !key.startsWith(PersonalIds.KEY_PREFIX) || publiclyNamed);
        source.put("version", row.getLong("version"));
        source.put("updated_at", row.getOffsetDateTime("updated_at").toString());
        return new SubjectDocument(row.getLong("id"), key, row.getLong("version"), source);
    }
}
