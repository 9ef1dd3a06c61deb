package io.creditquery.search;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares the search index with PostgreSQL, the source of truth: subject and document counts, and a random
 * sample of subjects whose indexed version must equal their row version. Used after crashes and restores
 * ({@code bin/check-consistency}); while the outbox still holds work, differences are expected and reported as such.
 */
@ApplicationScoped
public class ConsistencyCheck {

    /** What was compared and what differed; {@code consistent} only when nothing is pending and nothing differs. */
    public record Report(long subjectsInDatabase, long documentsInIndex, long outboxBacklog, int sampled,
                         int matching, List<String> missing, List<String> stale, boolean consistent) {
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
                .chain(() -> pool.query("select count(*) from subject").execute())
                .map(rows -> rows.iterator().next().getLong(0))
                .chain(subjects -> sample(subjects, sampleSize)
                        .chain(sample -> index.versions(List.copyOf(sample.keySet()))
                                .chain(indexed -> index.count()
                                        .map(documents -> report(subjects, documents, backlog, sample, indexed))))));
    }

    /** Subject keys and row versions of about {@code size} random subjects (a Bernoulli sample, not a full scan). */
    private Uni<Map<String, Long>> sample(long subjects, int size) {
        double percent = subjects == 0 ? 100 : Math.min(100, 100.0 * size * 3 / subjects);
        return pool.preparedQuery("select subject_key, version from subject tablesample bernoulli ($1) "
                        + "order by random() limit $2")
                .execute(Tuple.of(percent, size))
                .map(rows -> {
                    Map<String, Long> versions = new LinkedHashMap<>();
                    rows.forEach(row -> versions.put(row.getString(0), row.getLong(1)));
                    return versions;
                });
    }

    private static Report report(long subjects, long documents, long backlog, Map<String, Long> sample,
                                 Map<String, Long> indexed) {
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
        int matching = sample.size() - missing.size() - stale.size();
        boolean consistent = backlog == 0 && subjects == documents && missing.isEmpty() && stale.isEmpty();
        return new Report(subjects, documents, backlog, sample.size(), matching, missing, stale, consistent);
    }
}
