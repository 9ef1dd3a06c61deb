package io.creditquery.search;

import io.creditquery.common.DrainLoop;
import io.creditquery.db.PgWorkQueue;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Moves committed changes from the search outbox into Elasticsearch. Each drain claims a batch of outbox rows
 * (SKIP LOCKED, so several replicas share the work), writes the subjects' current documents, and deletes the
 * rows in the same transaction only if the bulk write succeeded; otherwise they stay for the next attempt.
 * Ingest kicks a drain right after its commit; a poll catches up after an Elasticsearch outage or a crash.
 */
@ApplicationScoped
public class SearchIndexer {

    private static final Logger LOG = Logger.getLogger(SearchIndexer.class);
    private static final PgWorkQueue OUTBOX = PgWorkQueue.outbox("search_outbox");

    private final Pool pool;
    private final SubjectIndex index;
    private final SubjectDocumentRepository documents;
    private final SearchConfig config;
    private final SearchCache searchCache;
    private final DrainLoop loop;

    public SearchIndexer(Pool pool, Vertx vertx, SubjectIndex index, SubjectDocumentRepository documents,
                         SearchConfig config, SearchCache searchCache) {
        this.pool = pool;
        this.searchCache = searchCache;
        this.index = index;
        this.documents = documents;
        this.config = config;
        this.loop = new DrainLoop(vertx, "search outbox drain", () -> index.ensureAlias().chain(this::drainOnce)
                .map(count -> count >= config.batchSize()));
    }

    /** Asks for a drain soon; concurrent requests coalesce into one drain that runs until the outbox is empty. */
    public void kick() {
        loop.kick();
    }

    @Scheduled(every = "${credit.search.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        kick();
    }

    private Uni<Integer> drainOnce() {
        return pool.withTransaction(connection -> claim(connection)
                .chain(ids -> documents.byIds(connection, ids)
                        .chain(docs -> index.bulk(index.alias(), docs))
                        .replaceWith(ids.size())))
                .invoke(count -> {
                    if (count > 0) {
                        searchCache.indexChanged();
                    }
                });
    }

    private Uni<List<Long>> claim(SqlConnection connection) {
        return OUTBOX.take(connection, config.batchSize(), "subject_id").map(rows -> {
            Set<Long> ids = new LinkedHashSet<>();
            rows.forEach(row -> ids.add(row.getLong(0)));
            return List.copyOf(ids);
        });
    }

    /**
     * Writes these subjects' documents now and refreshes the index, for changes a caller must see in search as soon
     * as they are acknowledged (objections, repairs). It takes the subjects' outbox rows in the same transaction, as a
     * drain would, so the drain does not index them a second time. Never fails: if Elasticsearch cannot be reached the
     * rows stay and the drain catches up.
     */
    public Uni<Void> indexNow(List<Long> subjectIds) {
        return index.ensureAlias()
                .chain(() -> pool.withTransaction(connection -> connection
                        .preparedQuery("delete from search_outbox where subject_id = any($1)")
                        .execute(Tuple.of(subjectIds.toArray(Long[]::new)))
                        .chain(() -> documents.byIds(connection, subjectIds))
                        .chain(docs -> index.bulk(index.alias(), docs))))
                .chain(() -> index.refresh(index.alias()))
                .invoke(searchCache::indexChanged)
                .onFailure().invoke(e -> LOG.warnf("indexing %s at once failed (%s); the outbox drain will catch up",
                        subjectIds, e.getMessage()))
                .onFailure().recoverWithNull();
    }

    /**
     * Outbox rows not yet indexed (the index lag): exact up to 10,000; above that the span of their ids, an upper
     * bound, so that a backlog of millions (a bulk load) costs two index probes, not a count on every health check.
     */
    public Uni<Long> backlog() {
        return pool.query("""
                        select case when waiting.n <= 10000 then waiting.n
                                    else (select max(id) - min(id) + 1 from search_outbox) end
                        from (select count(*) as n from (select 1 from search_outbox limit 10001) as head) as waiting
                        """).execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }
}
