package io.creditquery.report;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;

@ApplicationScoped
public class ReportRepository {

    private final Pool pool;

    public ReportRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Void> insert(String number, String subjectKey, String view, OffsetDateTime generatedAt, String content,
                            String sha256, String requestedBy) {
        return pool.preparedQuery("""
                        insert into credit_report (number, subject_id, view, generated_at, content, content_sha256, requested_by)
                        select $1, id, $3, $4, $5, $6, $7 from subject where subject_key = $2
                        """)
                .execute(Tuple.tuple().addString(number).addString(subjectKey).addString(view)
                        .addOffsetDateTime(generatedAt).addString(content).addString(sha256).addString(requestedBy))
                .replaceWithVoid();
    }

    /** A stored report's number, time, text and digest. */
    public record Stored(String number, OffsetDateTime generatedAt, String content, String sha256) {
    }

    /**
     * Stores a shared (anonymous) report unless one with the same content key exists; returns the stored one either
     * way. Two callers racing for the same new key: the second one's insert does nothing and it reads the first's.
     */
    public Uni<Stored> insertShared(String number, String subjectKey, String view, OffsetDateTime generatedAt,
                                    String content, String sha256, String contentKey) {
        return findShared(contentKey).onItem().ifNull().switchTo(() -> pool.preparedQuery("""
                        insert into credit_report (number, subject_id, view, generated_at, content, content_sha256, content_key)
                        select $1, id, $3, $4, $5, $6, $7 from subject where subject_key = $2
                        on conflict (content_key) where content_key is not null do nothing
                        returning number, generated_at, content::text as content, content_sha256
                        """)
                .execute(Tuple.tuple().addString(number).addString(subjectKey).addString(view)
                        .addOffsetDateTime(generatedAt).addString(content).addString(sha256).addString(contentKey))
                .chain(rows -> rows.size() > 0 ? Uni.createFrom().item(stored(rows.iterator().next()))
                        : findShared(contentKey)));
    }

    private Uni<Stored> findShared(String contentKey) {
        return pool.preparedQuery("select number, generated_at, content::text as content, content_sha256 from credit_report"
                        + " where content_key = $1")
                .execute(Tuple.of(contentKey))
                .map(rows -> rows.size() == 0 ? null : stored(rows.iterator().next()));
    }

    private static Stored stored(Row row) {
        return new Stored(row.getString("number"), row.getOffsetDateTime("generated_at"), row.getString("content"),
                row.getString("content_sha256"));
    }

    public Uni<ReportCheck> find(String number) {
        return pool.preparedQuery("""
                        select r.number, coalesce(s.uscc, s.id_masked) as subject_code, s.name, r.view, r.generated_at,
                               r.content_sha256, r.content
                        from credit_report r join subject s on s.id = r.subject_id where r.number = $1
                        """)
                .execute(Tuple.of(number))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row row = rows.iterator().next();
                    boolean publicView = "public".equals(row.getString("view"));
                    return new ReportCheck(row.getString("number"), row.getString("subject_code"),
                            publicView ? row.getString("name") : null, row.getString("view"),
                            row.getOffsetDateTime("generated_at"), row.getString("content_sha256"),
                            publicView ? row.getString("content") : null);
                });
    }
}
