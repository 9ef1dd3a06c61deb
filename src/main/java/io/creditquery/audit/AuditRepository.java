package io.creditquery.audit;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Reads of the audit log: chain walks for verification and filtered pages for audit search. */
@ApplicationScoped
public class AuditRepository {

    private static final String COLUMNS = "seq, occurred_at, actor_kind, actor_id, department, api_key_id, client_ip,"
            + " method, endpoint, query, subjects, result_count, status, latency_micros, request_id, client_request_id,"
            + " prev_hash, hash";

    /** A stored event with its place in the chain. */
    public record StoredEvent(long seq, AuditEvent event, String prevHash, String hash) {
    }

    /** The head every batch moves: where the chain must end. */
    public record ChainHead(String lastHash, long events) {
    }

    /** Filters of an audit search; null means any. */
    public record Filter(String subject, String actor, String department, String apiKey, String endpoint,
                         OffsetDateTime from, OffsetDateTime to) {
    }

    private final Pool pool;

    public AuditRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Runs the work in one read-only REPEATABLE READ transaction: every read sees the same committed state, so the
     * chain read ends exactly at the head read, whatever is appended meanwhile.
     */
    public <T> Uni<T> inSnapshot(Function<SqlClient, Uni<T>> work) {
        return pool.withTransaction(connection -> connection
                .query("set transaction isolation level repeatable read, read only").execute()
                .chain(() -> work.apply(connection)));
    }

    public Uni<List<StoredEvent>> chainPage(SqlClient db, long afterSeq, int size) {
        return db.preparedQuery("select " + COLUMNS + " from audit_event where seq > $1 order by seq limit $2")
                .execute(Tuple.of(afterSeq, size)).map(AuditRepository::events);
    }

    public Uni<ChainHead> head(SqlClient db) {
        return db.query("select last_hash, events from audit_chain_head where id = 1").execute()
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new ChainHead(row.getString(0), row.getLong(1));
                });
    }

    /** A checkpoint of the chain head as taken (every minute). */
    public record Checkpoint(long id, OffsetDateTime takenAt, long lastSeq, String lastHash, long events) {
    }

    /** Checkpoints after {@code afterId}, oldest first. */
    public Uni<List<Checkpoint>> checkpoints(SqlClient db, long afterId, int size) {
        return db.preparedQuery("select id, taken_at, last_seq, last_hash, events from audit_checkpoint"
                        + " where id > $1 order by id limit $2").execute(Tuple.of(afterId, size))
                .map(rows -> {
                    List<Checkpoint> checkpoints = new ArrayList<>();
                    rows.forEach(row -> checkpoints.add(new Checkpoint(row.getLong(0), row.getOffsetDateTime(1),
                            row.getLong(2), row.getString(3), row.getLong(4))));
                    return checkpoints;
                });
    }

    public Uni<List<Checkpoint>> checkpoints(long afterId, int size) {
        return checkpoints(pool, afterId, size);
    }

    /** What the re-keying migration found, if the unkeyed chain before it was already broken. */
    public record RekeyBreak(long seq, String reason) {
    }

    public Uni<RekeyBreak> rekeyBreak(SqlClient db) {
        return db.query("select broken_at_seq, reason from audit_chain_rekey where broken_at_seq is not null"
                + " order by broken_at_seq limit 1").execute().map(rows -> {
                    var found = rows.iterator();
                    if (!found.hasNext()) {
                        return null;
                    }
                    Row row = found.next();
                    return new RekeyBreak(row.getLong(0), row.getString(1));
                });
    }

    /** Newest first, keyset on seq. */
    public Uni<List<StoredEvent>> search(Filter filter, Long beforeSeq, int size) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from audit_event where true");
        Tuple params = Tuple.tuple();
        if (filter.subject() != null) {
            params.addString(new JsonArray().add(filter.subject()).encode());
            sql.append(" and subjects @> $").append(params.size()).append("::text::jsonb");
        }
        condition(sql, params, "actor_id", filter.actor());
        condition(sql, params, "department", filter.department());
        condition(sql, params, "api_key_id", filter.apiKey());
        condition(sql, params, "endpoint", filter.endpoint());
        if (filter.from() != null) {
            params.addOffsetDateTime(filter.from());
            sql.append(" and occurred_at >= $").append(params.size());
        }
        if (filter.to() != null) {
            params.addOffsetDateTime(filter.to());
            sql.append(" and occurred_at < $").append(params.size());
        }
        if (beforeSeq != null) {
            params.addLong(beforeSeq);
            sql.append(" and seq < $").append(params.size());
        }
        params.addInteger(size);
        sql.append(" order by seq desc limit $").append(params.size());
        return pool.preparedQuery(sql.toString()).execute(params).map(AuditRepository::events);
    }

    /**
     * Records a checkpoint of the chain head (scheduled): the newest event, read by the primary key, in the same
     * statement (one snapshot) as the head it must match. (It used to look the head's event up by its hash, which
     * has no index: a scan of the whole log every minute.)
     */
    public Uni<Void> checkpoint() {
        return pool.query("insert into audit_checkpoint (last_seq, last_hash, events)"
                + " select e.seq, h.last_hash, h.events from audit_chain_head h,"
                + " lateral (select seq, hash from audit_event order by seq desc limit 1) e"
                + " where h.id = 1 and e.hash = h.last_hash"
                + " and e.seq > coalesce((select max(last_seq) from audit_checkpoint), 0)")
                .execute().replaceWithVoid();
    }

    private static void condition(StringBuilder sql, Tuple params, String column, String value) {
        if (value != null) {
            params.addString(value);
            sql.append(" and ").append(column).append(" = $").append(params.size());
        }
    }

    private static List<StoredEvent> events(Iterable<Row> rows) {
        List<StoredEvent> events = new ArrayList<>();
        for (Row row : rows) {
            Map<String, String> query = new LinkedHashMap<>();
            JsonObject json = (JsonObject) row.getValue("query");
            json.forEach(entry -> query.put(entry.getKey(), String.valueOf(entry.getValue())));
            List<String> subjects = new ArrayList<>();
            ((JsonArray) row.getValue("subjects")).forEach(s -> subjects.add(String.valueOf(s)));
            events.add(new StoredEvent(row.getLong("seq"), new AuditEvent(row.getOffsetDateTime("occurred_at"),
                    row.getString("actor_kind"), row.getString("actor_id"), row.getString("department"),
                    row.getString("api_key_id"), row.getString("client_ip"), row.getString("method"),
                    row.getString("endpoint"), query, subjects, row.getInteger("result_count"),
                    row.getInteger("status"), row.getLong("latency_micros"), row.getString("request_id"),
                    row.getString("client_request_id")),
                    row.getString("prev_hash"), row.getString("hash")));
        }
        return events;
    }
}
