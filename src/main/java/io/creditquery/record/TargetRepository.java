package io.creditquery.record;

import io.creditquery.list.ListVisibility;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Records and list entries as targets of objections and repairs, read and locked in the caller's transaction. */
@ApplicationScoped
public class TargetRepository {

    private static final String RECORD = """
            select 'RECORD' as kind, r.id, r.subject_id, s.subject_key, s.subject_type, r.source_dept as department,
                   r.status, r.category, r.decision_date as since, r.title as label, (%s) as in_public_view,
                   r.classification, r.content ->> 'penaltyType' as penalty_type
            from credit_record r join subject s on s.id = r.subject_id
            where r.id = $1 for update of r
            """.formatted(PublicVisibility.RECORD_SQL);
    private static final String LIST_ENTRY = """
            select 'LIST_ENTRY' as kind, l.id, l.subject_id, s.subject_key, s.subject_type, l.authority as department,
                   l.status, l.list_type as category, l.listed_on as since, l.decision_no as label,
                   (%s) as in_public_view, null as classification, null as penalty_type
            from list_entry l join subject s on s.id = l.subject_id
            where l.id = $1 for update of l
            """.formatted(ListVisibility.LIST_SQL);

    /** The target, locked until the transaction ends, or null. */
    public Uni<Target> lock(SqlConnection connection, Target.Kind kind, long id) {
        return connection.preparedQuery(kind == Target.Kind.RECORD ? RECORD : LIST_ENTRY).execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : target(rows.iterator().next()));
    }

    /** Sets the status of the target. */
    public Uni<Void> status(SqlConnection connection, Target target, String status) {
        String table = target.kind() == Target.Kind.RECORD ? "credit_record" : "list_entry";
        return connection.preparedQuery("update " + table + " set status = $2, version = version + 1,"
                        + " updated_at = clock_timestamp() where id = $1")
                .execute(Tuple.of(target.id(), status)).replaceWithVoid();
    }

    /** Ends a list entry by repair: out of force today, with the reason. */
    public Uni<Void> exitByRepair(SqlConnection connection, Target target) {
        return connection.preparedQuery("update list_entry set status = 'REPAIRED', exited_on = greatest(current_date,"
                        + " listed_on), exit_reason = '信用修复', version = version + 1, updated_at = clock_timestamp()"
                        + " where id = $1")
                .execute(Tuple.of(target.id())).replaceWithVoid();
    }

    /** Applies a correction; returns {before, after} of the values it changed, as kept with the objection. */
    public Uni<Map<String, Object>> correct(SqlConnection connection, Target target, TargetCorrection correction) {
        boolean record = target.kind() == Target.Kind.RECORD;
        String sql = record ? """
                with before as (select title, content, decision_date, publicity_until from credit_record where id = $1)
                update credit_record r set title = coalesce($2, r.title), content = coalesce($3, r.content),
                    decision_date = coalesce($4, r.decision_date), publicity_until = coalesce($5, r.publicity_until)
                from before where r.id = $1
                returning before.title as old_title, before.content as old_content,
                          before.decision_date::text as old_decision_date, before.publicity_until::text as old_publicity_until,
                          r.title, r.content, r.decision_date::text, r.publicity_until::text
                """ : """
                with before as (select basis, planned_exit_on from list_entry where id = $1)
                update list_entry l set basis = coalesce($2, l.basis), planned_exit_on = coalesce($3, l.planned_exit_on)
                from before where l.id = $1
                returning before.basis as old_basis, before.planned_exit_on::text as old_planned_exit_on,
                          l.basis, l.planned_exit_on::text
                """;
        Tuple params = record
                ? Tuple.tuple().addLong(target.id()).addString(correction.title())
                        .addValue(correction.content() == null ? null : new JsonObject(correction.content()))
                        .addLocalDate(correction.decisionDate()).addLocalDate(correction.publicityUntil())
                : Tuple.tuple().addLong(target.id()).addString(correction.basis())
                        .addLocalDate(correction.plannedExitOn());
        List<String> fields = record ? List.of("title", "content", "decision_date", "publicity_until")
                : List.of("basis", "planned_exit_on");
        return connection.preparedQuery(sql).execute(params).map(rows -> {
            Row row = rows.iterator().next();
            Map<String, Object> before = new LinkedHashMap<>();
            Map<String, Object> after = new LinkedHashMap<>();
            for (String field : fields) {
                Object old = row.getValue("old_" + field);
                Object now = row.getValue(field);
                if (!Objects.equals(old, now)) {
                    before.put(field, old instanceof JsonObject o ? o.getMap() : old);
                    after.put(field, now instanceof JsonObject o ? o.getMap() : now);
                }
            }
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("before", before);
            change.put("after", after);
            return change;
        });
    }

    private static Target target(Row row) {
        return new Target(Target.Kind.valueOf(row.getString("kind")), row.getLong("id"), row.getLong("subject_id"),
                row.getString("subject_key"), row.getString("subject_type"), row.getString("department"),
                row.getString("status"), row.getString("category"), row.getLocalDate("since"), row.getString("label"),
                row.getBoolean("in_public_view"), row.getString("classification"), row.getString("penalty_type"));
    }
}
