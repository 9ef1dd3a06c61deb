package io.creditquery.audit;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    public Uni<List<StoredEvent>> chainPage(long afterSeq, int size) {
        return pool.preparedQuery("select " + COLUMNS + " from audit_event where seq > $1 order by seq limit $2")
                .execute(Tuple.of(afterSeq, size)).map(AuditRepository::events);
    }

    public Uni<ChainHead> head() {
        return pool.query("select last_hash, events from audit_chain_head where id = 1").execute()
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new ChainHead(row.getString(0), row.getLong(1));
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

    /** Hashes sealed by checkpoints, from which a chain whose older months were archived may continue. */
    public Uni<java.util.Set<String>> archivedHashes() {
        return pool.query("select last_hash from audit_checkpoint").execute().map(rows -> {
            java.util.Set<String> hashes = new java.util.HashSet<>();
            rows.forEach(row -> hashes.add(row.getString(0)));
            return hashes;
        });
    }

    /** Records a checkpoint of the chain head (scheduled). */
    public Uni<Void> checkpoint() {
        return pool.query("insert into audit_checkpoint (last_seq, last_hash, events)"
                + " select e.seq, h.last_hash, h.events from audit_chain_head h join audit_event e on e.hash = h.last_hash"
                + " where h.id = 1 and e.seq > coalesce((select max(last_seq) from audit_checkpoint), 0)")
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
