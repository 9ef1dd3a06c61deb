package io.creditquery.subject;

import io.creditquery.common.Cursors;
import io.creditquery.common.ProblemException;
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

    public record Page(List<Lookup> items, String nextCursor) {
    }

    private final Pool pool;
    private final Cursors cursors;

    public SelfQueryRepository(Pool pool, Cursors cursors) {
        this.pool = pool;
        this.cursors = cursors;
    }

    public Uni<Page> lookupsOf(String subjectKey, String cursor, int size) {
        long before;
        try {
            before = cursor == null ? Long.MAX_VALUE : Long.parseLong(cursors.decode(subjectKey, cursor, 1).get(0));
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("cursor", "is not a cursor this API issued for this query");
        }
        return pool.preparedQuery(SQL).execute(Tuple.of(new JsonArray().add(subjectKey).encode(), before, size))
                .map(rows -> {
                    List<Lookup> items = new ArrayList<>();
                    long last = 0;
                    for (Row row : rows) {
                        items.add(new Lookup(row.getOffsetDateTime("occurred_at"), row.getString("actor_kind"),
                                row.getString("department"), row.getString("department_name"), row.getString("agency"),
                                row.getString("endpoint"), row.getString("scenario"), row.getString("purpose")));
                        last = row.getLong("seq");
                    }
                    return new Page(items, items.size() == size ? cursors.encode(subjectKey, List.of(Long.toString(last))) : null);
                });
    }
}
