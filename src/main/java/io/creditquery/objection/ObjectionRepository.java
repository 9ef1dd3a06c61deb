package io.creditquery.objection;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditquery.record.Target;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class ObjectionRepository {

    private static final String VIEW = """
            select o.*, coalesce(s.uscc, s.id_masked) as subject_code,
                   (o.status in ('FILED', 'ACCEPTED') and o.due_on < current_date) as overdue
            from objection o join subject s on s.id = o.subject_id
            """;

    /** What a decision needs of an objection, locked. */
    public record Open(String id, String status, Target.Kind kind, long targetId, String department,
                       String targetStatus, boolean blocks) {
    }

    /** Reasons and attachment digests of the rejected objections against a target (the grounds already heard). */
    public record Heard(List<String> reasons, java.util.Set<String> attachments) {
        public boolean any() {
            return !reasons.isEmpty();
        }
    }

    private final Pool pool;
    private final ObjectMapper json;

    public ObjectionRepository(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    public Uni<Void> insert(SqlConnection connection, String id, Target target, String filerKind, String filerId,
                            String filerName, String contact, String reason,
                            List<ObjectionRequest.Attachment> attachments, LocalDate dueOn, boolean blocks) {
        return connection.preparedQuery("""
                        insert into objection (id, subject_id, record_id, list_entry_id, department, filer_kind, filer_id,
                                               filer_name, contact, reason, attachments, status, target_status, due_on,
                                               blocks)
                        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'FILED', $12, $13, $14)
                        """)
                .execute(Tuple.tuple().addString(id).addLong(target.subjectId())
                        .addLong(target.kind() == Target.Kind.RECORD ? target.id() : null)
                        .addLong(target.kind() == Target.Kind.LIST_ENTRY ? target.id() : null)
                        .addString(target.department()).addString(filerKind).addString(filerId).addString(filerName)
                        .addString(contact).addString(reason)
                        .addValue(new JsonArray(json.convertValue(attachments, List.class)))
                        .addString(target.status()).addLocalDate(dueOn).addBoolean(blocks))
                .replaceWithVoid();
    }

    /** The grounds of the rejected objections against a target, read in the filing's transaction. */
    public Uni<Heard> heard(SqlConnection connection, Target target) {
        return connection.preparedQuery("select reason, attachments::text from objection where status = 'REJECTED' and "
                        + (target.kind() == Target.Kind.RECORD ? "record_id" : "list_entry_id") + " = $1")
                .execute(Tuple.of(target.id()))
                .map(rows -> {
                    List<String> reasons = new java.util.ArrayList<>();
                    java.util.Set<String> digests = new java.util.HashSet<>();
                    for (Row row : rows) {
                        reasons.add(row.getString(0));
                        new JsonArray(row.getString(1)).forEach(a -> digests.add(((JsonObject) a).getString("sha256")));
                    }
                    return new Heard(reasons, digests);
                });
    }

    /** Open objections filed with this contact (any target). */
    public Uni<Long> openWithContact(SqlConnection connection, String contact) {
        return connection.preparedQuery("select count(*) from objection where lower(replace(contact, '-', '')) = $1"
                        + " and status in ('FILED', 'ACCEPTED') and contact is not null")
                .execute(Tuple.of(contact.replace("-", "").toLowerCase(java.util.Locale.ROOT))).map(rows -> rows.iterator().next().getLong(0));
    }

    public Uni<ObjectionView> find(String id) {
        return pool.preparedQuery(VIEW + " where o.id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : view(rows.iterator().next()));
    }

    public Uni<Open> lock(SqlConnection connection, String id) {
        return connection.preparedQuery("select id, status, record_id, list_entry_id, department, target_status, blocks"
                        + " from objection where id = $1 for update").execute(Tuple.of(id))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row row = rows.iterator().next();
                    Target.Ref target = Target.Ref.of(row.getLong("record_id"), row.getLong("list_entry_id"));
                    return new Open(row.getString("id"), row.getString("status"), target.kind(), target.id(),
                            row.getString("department"), row.getString("target_status"), row.getBoolean("blocks"));
                });
    }

    public Uni<Void> accept(SqlConnection connection, String id, String handledBy) {
        return connection.preparedQuery("update objection set status = 'ACCEPTED', accepted_at = clock_timestamp(),"
                        + " handled_by = $2 where id = $1")
                .execute(Tuple.of(id, handledBy)).replaceWithVoid();
    }

    public Uni<Void> decide(SqlConnection connection, String id, String status, String note,
                            Map<String, Object> correction, String handledBy) {
        return connection.preparedQuery("update objection set status = $2, decision_note = $3, correction = $4,"
                        + " handled_by = $5, decided_at = clock_timestamp() where id = $1")
                .execute(Tuple.tuple().addString(id).addString(status).addString(note)
                        .addValue(correction == null ? null : new JsonObject(correction)).addString(handledBy))
                .replaceWithVoid();
    }

    /**
     * Objections handled by {@code department} (all departments if null), by deadline, keyset-paged after
     * ({@code afterDue}, {@code afterId}); {@code openOnly} and {@code overdueOnly} narrow the list.
     */
    public Uni<List<ObjectionView>> list(String department, String status, boolean overdueOnly, LocalDate afterDue,
                                         String afterId, int size) {
        StringBuilder sql = new StringBuilder(VIEW).append(" where ($1::text is null or o.department = $1)"
                + " and ($2::text is null or o.status = $2)");
        if (overdueOnly) {
            sql.append(" and o.status in ('FILED', 'ACCEPTED') and o.due_on < current_date");
        }
        sql.append(" and ($3::date is null or (o.due_on, o.id) > ($3, $4)) order by o.due_on, o.id limit $5");
        return pool.preparedQuery(sql.toString())
                .execute(Tuple.tuple().addString(department).addString(status).addLocalDate(afterDue)
                        .addString(afterId).addInteger(size))
                .map(rows -> {
                    List<ObjectionView> views = new ArrayList<>();
                    rows.forEach(row -> views.add(view(row)));
                    return views;
                });
    }

    private ObjectionView view(Row row) {
        Target.Ref target = Target.Ref.of(row.getLong("record_id"), row.getLong("list_entry_id"));
        JsonObject correction = row.getJsonObject("correction");
        return new ObjectionView(row.getString("id"), target.kind().name(), target.id(), row.getString("subject_code"),
                row.getString("department"), row.getString("status"), row.getString("reason"),
                json.convertValue(row.getJsonArray("attachments").getList(),
                        new TypeReference<List<ObjectionRequest.Attachment>>() { }),
                row.getOffsetDateTime("filed_at"), row.getLocalDate("due_on"), row.getBoolean("overdue"),
                row.getOffsetDateTime("accepted_at"), row.getOffsetDateTime("decided_at"),
                row.getString("decision_note"), correction == null ? null : correction.getMap(),
                row.getString("filer_kind"), row.getString("filer_name"), row.getString("contact"));
    }
}
