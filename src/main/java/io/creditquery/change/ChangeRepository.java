package io.creditquery.change;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

@ApplicationScoped
public class ChangeRepository {

    /**
     * Changes after (xid, seq) of transactions that are all finished (older than the snapshot's xmin), so nothing can
     * later appear before the last one returned. Natural persons are not in the feed (they are not public data).
     */
    private static final String AFTER = """
            select c.xid, c.seq, s.uscc, s.subject_type, s.name, s.version, c.changed_at
            from change_log c join subject s on s.id = c.subject_id
            where (c.xid, c.seq) > ($1, $2)
              and c.xid < pg_snapshot_xmin(pg_current_snapshot())::text::bigint
              and s.subject_type <> 'NATURAL_PERSON'
            order by c.xid, c.seq limit $3
            """;

    private final Pool pool;

    public ChangeRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<Change>> after(long xid, long seq, int size) {
        return pool.preparedQuery(AFTER).execute(Tuple.of(xid, seq, size)).map(rows -> {
            List<Change> changes = new ArrayList<>();
            for (Row row : rows) {
                changes.add(new Change(position(row.getLong("xid"), row.getLong("seq")), row.getString("uscc"),
                        row.getString("subject_type"), row.getString("name"), row.getLong("version"),
                        row.getOffsetDateTime("changed_at")));
            }
            return changes;
        });
    }

    static String position(long xid, long seq) {
        return xid + "." + seq;
    }
}
