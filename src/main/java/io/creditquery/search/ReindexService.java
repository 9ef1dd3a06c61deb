package io.creditquery.search;

import io.creditquery.common.ProblemException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Rebuilds the subjects index from PostgreSQL with no downtime: a new versioned index is filled while the alias
 * keeps serving the old one (and the indexer keeps writing to it), the alias is swapped atomically, subjects that
 * changed since the rebuild started are written again to the new index, and the old index is dropped.
 */
@ApplicationScoped
public class ReindexService {

    private static final Logger LOG = Logger.getLogger(ReindexService.class);

    /** The result of a rebuild. */
    public record Rebuild(String index, Set<String> replaced, long subjects, long caughtUp, long millis) {
    }

    private final Pool pool;
    private final SubjectIndex index;
    private final SubjectDocumentRepository documents;
    private final SearchConfig config;
    private final SearchCache searchCache;
    private final AtomicBoolean running = new AtomicBoolean();

    public ReindexService(Pool pool, SubjectIndex index, SubjectDocumentRepository documents, SearchConfig config,
                          SearchCache searchCache) {
        this.pool = pool;
        this.searchCache = searchCache;
        this.index = index;
        this.documents = documents;
        this.config = config;
    }

    public boolean running() {
        return running.get();
    }

    /** Refuses (409) while a rebuild is already running in this replica. */
    public Uni<Rebuild> rebuild() {
        if (!running.compareAndSet(false, true)) {
            return Uni.createFrom().failure(ProblemException.conflict("rebuild-running",
                    "a rebuild of the subjects index is already running"));
        }
        long started = System.currentTimeMillis();
        return index.ensureAlias()
                .chain(() -> pool.query("select clock_timestamp() - interval '1 second'").execute()
                        .map(rows -> rows.iterator().next().getOffsetDateTime(0)))
                .chain(since -> index.createIndex().chain(target -> copyAll(target)
                        .call(() -> index.refresh(target))
                        .call(() -> index.pointAliasTo(target))
                        .chain(copied -> catchUp(target, since).chain(caughtUp -> index.deleteAllBut(target)
                                .map(replaced -> new Rebuild(target, replaced, copied, caughtUp,
                                        System.currentTimeMillis() - started))))))
                .invoke(searchCache::indexChanged)
                .invoke(result -> LOG.infof("rebuilt %s: %d subjects, %d caught up, %d ms", result.index(),
                        result.subjects(), result.caughtUp(), result.millis()))
                .eventually(() -> running.set(false));
    }

    /**
     * Keyset pages, one after the other; a page is released once written (a recursive chain of Unis would keep
     * every page alive until the last one, and ran out of heap at 1 M subjects).
     */
    private Uni<Long> copyAll(String target) {
        AtomicLong after = new AtomicLong();
        return Multi.createBy().repeating()
                .uni(() -> documents.page(pool, after.get(), config.batchSize()).invoke(page -> {
                    if (!page.isEmpty()) {
                        after.set(page.get(page.size() - 1).rowId());
                    }
                }))
                .until(List::isEmpty)
                .onItem().transformToUniAndConcatenate(page -> index.bulk(target, page).replaceWith((long) page.size()))
                .collect().with(Collectors.summingLong(Long::longValue));
    }

    /** Changes committed while the copy ran may have gone only to the old index: write them to the new one. */
    private Uni<Long> catchUp(String target, OffsetDateTime since) {
        return documents.idsUpdatedSince(pool, since).chain(ids -> {
            List<List<Long>> chunks = new ArrayList<>();
            for (int from = 0; from < ids.size(); from += config.batchSize()) {
                chunks.add(ids.subList(from, Math.min(ids.size(), from + config.batchSize())));
            }
            return Multi.createFrom().iterable(chunks)
                    .onItem().transformToUniAndConcatenate(chunk -> documents.byIds(pool, chunk)
                            .chain(docs -> index.bulk(target, docs)))
                    .collect().last()
                    .replaceWith((long) ids.size());
        });
    }
}
