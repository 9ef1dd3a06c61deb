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
import java.util.function.Supplier;

/**
 * Rebuilds the subjects index from PostgreSQL with no downtime: a new versioned index is filled while the alias
 * keeps serving the old one (and the indexer keeps writing to it), the alias is swapped atomically, subjects that
 * changed since the rebuild started are written again to the new index, and the old index is dropped.
 *
 * <p>One rebuild at a time across all replicas: each holds PostgreSQL's advisory lock {@link #REBUILD_LOCK} (per
 * database) on a connection of its own for the whole rebuild, so a rebuild never drops an index another replica is
 * filling; the lock goes with the session if a replica dies.
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
    /** The advisory lock key of a rebuild (any constant; distinct from other advisory locks of the schema). */
    static final long REBUILD_LOCK = 0x63712d696e646578L;

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

    /** Rebuilds now; refuses (409) while a rebuild is running in this or another replica. */
    public Uni<Rebuild> rebuild() {
        return underRebuildLock(false, this::rebuildHoldingTheLock);
    }

    /**
     * Rebuilds if the index is stale — empty while PostgreSQL has subjects (a fresh Elasticsearch), or made from an
     * older mapping. A current index is seen without the lock (a replica starting during another's rebuild of a
     * current index is not held up); a stale one is decided again once the lock is held, so a replica that waited for
     * another's rebuild finds the index current and does nothing. Null when nothing was rebuilt.
     */
    public Uni<Rebuild> rebuildIfStale() {
        return staleness().chain(reason -> reason == null ? Uni.createFrom().<Rebuild>nullItem()
                : underRebuildLock(true, () -> staleness().chain(stillStale -> {
                    if (stillStale == null) {
                        return Uni.createFrom().nullItem();
                    }
                    LOG.infof("rebuilding the search index: %s", stillStale);
                    return rebuildHoldingTheLock();
                })));
    }

    /** Why the index must be rebuilt, or null if it is current. */
    private Uni<String> staleness() {
        return index.ensureAlias()
                .chain(() -> Uni.combine().all().unis(index.count(), index.mappingIsCurrent(),
                        pool.query("select count(*) from subject").execute().map(rows -> rows.iterator().next().getLong(0)))
                        .asTuple())
                .map(state -> state.getItem1() == 0 && state.getItem3() > 0 ? "it is empty"
                        : !state.getItem2() ? "its mapping is outdated" : null);
    }

    /**
     * {@code work} while this session holds the rebuild lock: waited for, or tried once (409 if held elsewhere).
     * The unlock is sent whatever happens — also when the caller gave up while the lock was being taken — and the
     * connection goes back to the pool only after it.
     */
    private <T> Uni<T> underRebuildLock(boolean wait, Supplier<Uni<T>> work) {
        return pool.getConnection().chain(connection -> connection
                .query(wait ? "select true from (select pg_advisory_lock(" + REBUILD_LOCK + ")) waited"
                        : "select pg_try_advisory_lock(" + REBUILD_LOCK + ")").execute()
                .map(rows -> rows.iterator().next().getBoolean(0))
                .chain(locked -> !locked
                        ? Uni.createFrom().<T>failure(ProblemException.conflict("rebuild-running",
                        "a rebuild of the subjects index is already running"))
                        : work.get())
                .eventually(() -> connection.query("select pg_advisory_unlock(" + REBUILD_LOCK + ")").execute()
                        .onFailure().recoverWithNull()
                        .eventually(connection::close)));
    }

    /** The rebuild itself; only ever one at a time, the lock sees to that ({@link #running} is for the status). */
    private Uni<Rebuild> rebuildHoldingTheLock() {
        running.set(true);
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
