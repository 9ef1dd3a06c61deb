package io.creditquery.commitment;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;

@ApplicationScoped
public class CommitmentRepository {

    private static final String VIEW = """
            select c.*, coalesce(s.uscc, s.id_masked) as subject_code, s.subject_key from commitment c
            join subject s on s.id = c.subject_id
            """;

    /** A commitment's owner, subject and whether it was assessed, locked for an assessment. */
    public record Locked(String id, long subjectId, String department, Boolean kept) {
    }

    /** A commitment and the key of the subject that made it (to tell whether a caller is that subject). */
    public record Found(CommitmentView view, String subjectKey) {
    }

    private final Pool pool;

    public CommitmentRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Void> insert(SqlConnection connection, String id, long subjectId, String department,
                            CommitmentType type, String content, LocalDate madeOn, LocalDate dueOn) {
        return connection.preparedQuery("insert into commitment (id, subject_id, department, type, content, made_on,"
                        + " due_on) values ($1, $2, $3, $4, $5, $6, $7)")
                .execute(Tuple.tuple().addString(id).addLong(subjectId).addString(department).addString(type.name())
                        .addString(content).addLocalDate(madeOn).addLocalDate(dueOn))
                .replaceWithVoid();
    }

    public Uni<Locked> lock(SqlConnection connection, String id) {
        return connection.preparedQuery("select id, subject_id, department, kept from commitment where id = $1 for update")
                .execute(Tuple.of(id))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row row = rows.iterator().next();
                    return new Locked(row.getString("id"), row.getLong("subject_id"), row.getString("department"),
                            row.getBoolean("kept"));
                });
    }

    public Uni<Void> assess(SqlConnection connection, String id, boolean kept, String note) {
        return connection.preparedQuery("update commitment set kept = $2, assessment = $3, assessed_on = current_date"
                        + " where id = $1")
                .execute(Tuple.of(id, kept, note)).replaceWithVoid();
    }

    public Uni<Found> find(String id) {
        return pool.preparedQuery(VIEW + " where c.id = $1").execute(Tuple.of(id))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row row = rows.iterator().next();
                    return new Found(view(row), row.getString("subject_key"));
                });
    }

    private static CommitmentView view(Row row) {
        CommitmentType type = CommitmentType.valueOf(row.getString("type"));
        return new CommitmentView(row.getString("id"), row.getString("subject_code"), row.getString("department"), type,
                type.label(), row.getString("content"), row.getLocalDate("made_on"), row.getLocalDate("due_on"),
                row.getBoolean("kept"), row.getLocalDate("assessed_on"), row.getString("assessment"));
    }
}
