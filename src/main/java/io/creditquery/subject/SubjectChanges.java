package io.creditquery.subject;

import io.creditquery.cache.ProfileCache;
import io.creditquery.search.SearchIndexer;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A change to a subject's records, lists or commitments made by a workflow (objection, repair, commitment, publicity
 * expiry): inside the transaction the subject gets a new version and a search outbox row; after the commit its
 * cached views are dropped and its index document is written at once, so the next read of any kind sees it.
 */
@ApplicationScoped
public class SubjectChanges {

    /** A changed subject: row id (for the index) and key (for the cache). */
    public record Changed(long id, String key) {
    }

    private final ProfileCache cache;
    private final SearchIndexer indexer;

    public SubjectChanges(ProfileCache cache, SearchIndexer indexer) {
        this.cache = cache;
        this.indexer = indexer;
    }

    /** In the caller's transaction. */
    public Uni<Changed> touch(SqlConnection connection, long subjectId) {
        return touch(connection, List.of(subjectId)).map(changed -> changed.get(0));
    }

    /** In the caller's transaction, for many subjects in one statement. */
    public Uni<List<Changed>> touch(SqlConnection connection, Collection<Long> subjectIds) {
        return connection.preparedQuery("""
                        with touched as (
                            update subject set version = version + 1, updated_at = clock_timestamp() where id = any($1)
                            returning id, subject_key
                        ), outbox as (
                            insert into search_outbox (subject_id) select id from touched
                        )
                        select id, subject_key from touched
                        """)
                .execute(Tuple.of(subjectIds.toArray(Long[]::new)))
                .map(rows -> {
                    List<Changed> changed = new ArrayList<>();
                    rows.forEach(row -> changed.add(new Changed(row.getLong("id"), row.getString("subject_key"))));
                    return changed;
                });
    }

    /** After the commit; never fails (the cache TTL and the outbox drain are the fallbacks). */
    public Uni<Void> publish(Collection<Changed> changed) {
        if (changed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return cache.invalidate(changed.stream().map(Changed::key).toList())
                .chain(() -> indexer.indexNow(changed.stream().map(Changed::id).distinct().toList()));
    }

    /**
     * After the commit of a change of many subjects (a day's ending publicity windows): cached views are dropped and
     * the index follows through the outbox drain, in batches, rather than in one request.
     */
    public Uni<Void> publishInBackground(Collection<Changed> changed) {
        return cache.invalidate(changed.stream().map(Changed::key).toList()).invoke(indexer::kick);
    }

    public Uni<Void> publish(Changed changed) {
        return publish(List.of(changed));
    }
}
