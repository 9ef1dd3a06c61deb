package io.creditquery.support;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import io.creditquery.cache.RedisStore;
import io.creditquery.db.DatabaseConfig;
import io.creditquery.common.StartupWork;
import io.creditquery.search.SearchConfig;
import io.creditquery.search.SubjectIndex;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.io.UncheckedIOException;
import java.util.Map;

/** Direct access to the real stores for arranging and checking tests (the test profile has its own DB, alias, Redis DB). */
@ApplicationScoped
public class TestStores {

    private final Pool pool;
    private final ElasticsearchClient elasticsearch;
    private final RedisStore redis;
    private final SubjectIndex index;
    private final SearchConfig search;
    private final StartupWork startup;
    private final DatabaseConfig database;

    public TestStores(Pool pool, ElasticsearchClient elasticsearch, RedisStore redis, SubjectIndex index,
                      SearchConfig search, StartupWork startup, DatabaseConfig database) {
        this.database = database;
        this.startup = startup;
        this.pool = pool;
        this.elasticsearch = elasticsearch;
        this.redis = redis;
        this.index = index;
        this.search = search;
    }

    /** Empties the credit data (not the audit log or departments), the test index and the test Redis database. */
    public void reset() {
        asOwner("truncate credit_record, list_entry, search_outbox, watch_outbox, change_log, watchlist, verification_job, webhook_delivery, subject restart identity cascade");
        // The test distribution has no delete-by-query: swap in a fresh empty index instead (after the start-up
        // index check, which could otherwise swap concurrently).
        await().atMost(Duration.ofMinutes(2)).until(startup::finished);
        index.createIndex().call(index::pointAliasTo).chain(index::deleteAllBut).await().indefinitely();
        redis.call(c -> c.flushdb()).await().indefinitely();
    }

    /**
     * Runs statements as the schema's owner role, for what the service's role may not do (truncate, DDL, changing
     * audit rows to show that tampering is detected).
     */
    public void asOwner(String... statements) {
        try (Connection owner = DriverManager.getConnection(database.jdbcUrl(), database.ownerUsername(),
                database.ownerPassword()); Statement sql = owner.createStatement()) {
            for (String statement : statements) {
                sql.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public long count(String sql, Object... params) {
        return pool.preparedQuery(sql).execute(Tuple.from(params)).await().indefinitely()
                .iterator().next().getLong(0);
    }

    public String text(String sql, Object... params) {
        return pool.preparedQuery(sql).execute(Tuple.from(params)).await().indefinitely()
                .iterator().next().getString(0);
    }

    public void execute(String sql, Object... params) {
        pool.preparedQuery(sql).execute(Tuple.from(params)).await().indefinitely();
    }

    /** Waits until the subject with this key has its current version in the index. */
    public void awaitIndexed(String subjectKey) {
        long version = count("select version from subject where subject_key = $1", subjectKey);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Map<String, Object> doc = indexed(subjectKey);
            return doc != null && ((Number) doc.get("version")).longValue() == version;
        });
        try {
            elasticsearch.indices().refresh(r -> r.index(search.subjectsAlias()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The indexed document of a subject, or null. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> indexed(String subjectKey) {
        try {
            GetResponse<Map> response = elasticsearch.get(g -> g.index(search.subjectsAlias()).id(subjectKey), Map.class);
            return response.found() ? response.source() : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long indexedCount() {
        try {
            elasticsearch.indices().refresh(r -> r.index(search.subjectsAlias()));
            return elasticsearch.count(c -> c.index(search.subjectsAlias())).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean cached(String subjectKey) {
        Long exists = redis.<Long>call(c -> c.exists(redis.key("{" + subjectKey + "}", "views"))).await().indefinitely();
        return exists != null && exists > 0;
    }
}
