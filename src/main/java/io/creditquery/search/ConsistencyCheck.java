package io.creditquery.search;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares the search index with PostgreSQL, the source of truth: subject and document counts, and a random
 * sample of subjects whose indexed version must equal their row version. Only subjects that belong in the index
 * count ({@link SubjectDocumentRepository#INDEXED_SQL}: natural persons on no public list are kept out of it), and a
 * sample of those that do not must be absent from it. Used after crashes and restores
 * ({@code bin/check-consistency}); while the outbox still holds work, differences are expected and reported as such.
 */
@ApplicationScoped
public class ConsistencyCheck {

    /** What was compared and what differed; {@code consistent} only when nothing is pending and nothing differs. */
    public record Report(long subjectsInDatabase, long documentsInIndex, long outboxBacklog, int sampled,
                         int matching, List<String> missing, List<String> stale, List<String> exposed,
                         boolean consistent) {
    }

    private final Pool pool;
    private final SubjectIndex index;
    private final SearchIndexer indexer;

    public ConsistencyCheck(Pool pool, SubjectIndex index, SearchIndexer indexer) {
        this.pool = pool;
        this.index = index;
        this.indexer = indexer;
    }

    /**
     * The backlog is read first and the index refreshed after it: a batch the indexer wrote just before its outbox
     * rows were deleted is then visible to the count (refreshing first let such a batch be counted as missing).
     */
    public Uni<Report> run(int sampleSize) {
        return indexer.backlog().chain(backlog -> index.refresh(index.alias())
                .chain(() -> pool.query("select count(*) filter (where " + SubjectDocumentRepository.INDEXED_SQL
                        + "), count(*) from subject s").execute())
                .map(rows -> rows.iterator().next())
                .chain(counts -> sample(counts.getLong(1), sampleSize, true)
                        .chain(sample -> sample(counts.getLong(1), sampleSize, false)
                                .chain(hidden -> index.versions(concat(sample.keySet(), hidden.keySet()))
                                        .chain(indexed -> index.count()
                                                .map(documents -> report(counts.getLong(0), documents, backlog,
                                                        sample, hidden, indexed)))))));
    }

    /**
     * Keys and row versions of about {@code size} random subjects that belong in the index, or that must stay out
     * of it (a Bernoulli sample, not a full scan).
     */
    private Uni<Map<String, Long>> sample(long subjects, int size, boolean belongInIndex) {
        double percent = subjects == 0 ? 100 : Math.min(100, 100.0 * size * 3 / subjects);
        return pool.preparedQuery("select subject_key, version from subject s tablesample bernoulli ($1) where "
                        + (belongInIndex ? "" : "not ") + SubjectDocumentRepository.INDEXED_SQL
                        + " order by random() limit $2")
                .execute(Tuple.of(percent, size))
                .map(rows -> {
                    Map<String, Long> versions = new LinkedHashMap<>();
                    rows.forEach(row -> versions.put(row.getString(0), row.getLong(1)));
                    return versions;
                });
    }

    private static List<String> concat(Set<String> first, Set<String> second) {
        List<String> keys = new ArrayList<>(first);
        keys.addAll(second);
        return keys;
    }

    private static Report report(long subjects, long documents, long backlog, Map<String, Long> sample,
                                 Map<String, Long> hidden, Map<String, Long> indexed) {
        List<String> missing = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        sample.forEach((key, version) -> {
            Long indexedVersion = indexed.get(key);
            if (indexedVersion == null) {
                missing.add(key);
            } else if (indexedVersion < version) {
                stale.add(key);
            }
        });
        List<String> exposed = hidden.keySet().stream().filter(indexed::containsKey).toList();
        int matching = sample.size() - missing.size() - stale.size();
        boolean consistent = backlog == 0 && subjects == documents && missing.isEmpty() && stale.isEmpty()
                && exposed.isEmpty();
        return new Report(subjects, documents, backlog, sample.size(), matching, missing, stale, exposed, consistent);
    }
}
