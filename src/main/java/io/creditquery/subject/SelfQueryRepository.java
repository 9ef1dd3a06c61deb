package io.creditquery.subject;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Who looked a subject up, from the audit log: departments and agencies by name, never the officials. */
@ApplicationScoped
public class SelfQueryRepository {

    private static final String SQL = """
            select e.seq, e.occurred_at, e.actor_kind, e.department, d.name as department_name, c.name as agency,
                   e.endpoint, e.query->>'scenario' as scenario, e.query->>'purpose' as purpose
            from audit_event e
                 left join department d on d.code = e.department
                 left join api_client c on c.id::text = e.api_key_id
            where e.subjects @> $1::text::jsonb and e.actor_kind <> 'SUBJECT' and e.seq < $2
            order by e.seq desc limit $3
            """;

    /** One lookup of the subject by someone else. */
    public record Lookup(OffsetDateTime at, String by, String department, String departmentName, String agency,
                         String endpoint, String scenario, String purpose) {
    }

    /** A lookup with its place in the audit log (for paging). */
    public record Seen(long seq, Lookup lookup) {
    }

    private final Pool pool;

    public SelfQueryRepository(Pool pool) {
        this.pool = pool;
    }

    /** Up to {@code size} lookups of the subject older than audit event {@code before}, newest first. */
    public Uni<List<Seen>> lookupsOf(String subjectKey, long before, int size) {
        return pool.preparedQuery(SQL).execute(Tuple.of(new JsonArray().add(subjectKey).encode(), before, size))
                .map(rows -> {
                    List<Seen> items = new ArrayList<>();
                    for (Row row : rows) {
                        items.add(new Seen(row.getLong("seq"), new Lookup(row.getOffsetDateTime("occurred_at"),
                                row.getString("actor_kind"), row.getString("department"),
                                row.getString("department_name"), row.getString("agency"), row.getString("endpoint"),
                                row.getString("scenario"), row.getString("purpose"))));
                    }
                    return items;
                });
    }
}
