package io.creditquery.repair;

import io.creditquery.record.Target;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

@ApplicationScoped
public class RepairRepository {

    private static final String VIEW = """
            select p.*, coalesce(s.uscc, s.id_masked) as subject_code, s.subject_key
            from repair p join subject s on s.id = p.subject_id
            """;

    /** A repair application and the key of its subject (to tell whether a caller is that subject). */
    public record Found(RepairView view, String subjectKey) {
    }

    /** What a decision needs, locked. */
    public record Pending(String id, String status, Target.Kind kind, long targetId, String department) {
    }

    private final Pool pool;

    public RepairRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Void> insert(SqlConnection connection, String id, Target target, String applicant, String reason,
                            boolean finePaid, String paymentReference, String commitmentId, LocalDate dueOn) {
        return connection.preparedQuery("""
                        insert into repair (id, subject_id, record_id, list_entry_id, department, applicant, reason,
                                            fine_paid, payment_reference, commitment_id, status, due_on)
                        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'PENDING', $11)
                        """)
                .execute(Tuple.tuple().addString(id).addLong(target.subjectId())
                        .addLong(target.kind() == Target.Kind.RECORD ? target.id() : null)
                        .addLong(target.kind() == Target.Kind.LIST_ENTRY ? target.id() : null)
                        .addString(target.department()).addString(applicant).addString(reason).addBoolean(finePaid)
                        .addString(paymentReference).addString(commitmentId).addLocalDate(dueOn))
                .replaceWithVoid();
    }

    public Uni<Pending> lock(SqlConnection connection, String id) {
        return connection.preparedQuery("select id, status, record_id, list_entry_id, department from repair"
                        + " where id = $1 for update").execute(Tuple.of(id))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row row = rows.iterator().next();
                    Target.Ref target = Target.Ref.of(row.getLong("record_id"), row.getLong("list_entry_id"));
                    return new Pending(row.getString("id"), row.getString("status"), target.kind(), target.id(),
                            row.getString("department"));
                });
    }

    public Uni<Void> decide(SqlConnection connection, String id, String status, String note, String handledBy) {
        return connection.preparedQuery("update repair set status = $2, decision_note = $3, handled_by = $4,"
                        + " decided_at = clock_timestamp() where id = $1")
                .execute(Tuple.of(id, status, note, handledBy)).replaceWithVoid();
    }

    public Uni<Found> find(String id) {
        return pool.preparedQuery(VIEW + " where p.id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : found(rows.iterator().next()));
    }

    /** Applications to a department (or of a subject), oldest first, at most {@code size}. */
    public Uni<List<RepairView>> list(String department, String subjectKey, String status, int size) {
        return pool.preparedQuery(VIEW + " where ($1::text is null or p.department = $1)"
                        + " and ($2::text is null or s.subject_key = $2) and ($3::text is null or p.status = $3)"
                        + " order by p.filed_at limit $4")
                .execute(Tuple.of(department, subjectKey, status, size))
                .map(rows -> {
                    List<RepairView> views = new ArrayList<>();
                    rows.forEach(row -> views.add(found(row).view()));
                    return views;
                });
    }

    private static Found found(Row row) {
        Target.Ref target = Target.Ref.of(row.getLong("record_id"), row.getLong("list_entry_id"));
        return new Found(new RepairView(row.getString("id"), target.kind().name(), target.id(), row.getString("subject_code"),
                row.getString("department"), row.getString("status"), row.getString("reason"),
                row.getBoolean("fine_paid"), row.getString("payment_reference"), row.getString("commitment_id"),
                row.getOffsetDateTime("filed_at"), row.getLocalDate("due_on"), row.getOffsetDateTime("decided_at"),
                row.getString("decision_note")), row.getString("subject_key"));
    }
}
