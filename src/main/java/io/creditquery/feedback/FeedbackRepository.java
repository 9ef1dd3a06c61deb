package io.creditquery.feedback;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class FeedbackRepository {

    /** A check as feedback needs it: who made it, when, and whether its answer named a measure. */
    public record Check(UUID id, String department, String checkedBy, OffsetDateTime checkedAt, boolean namedMeasure) {
    }

    /** A check that named a measure and has had no feedback past its due date. */
    public record Overdue(String verificationId, String scenario, OffsetDateTime checkedAt, OffsetDateTime dueBy,
                          int block, int caution, int reward) {
    }

    /** A stored feedback report. */
    public record Stored(String outcome, String reason, String caseOutcome, String reportedBy, OffsetDateTime reportedAt) {
    }

    /** Checks that named a measure (a black or red list hit): they wait for feedback. */
    static final String NAMED_MEASURE = "(v.result -> 'summary' ->> 'block')::int + (v.result -> 'summary' ->> 'caution')::int"
            + " + (v.result -> 'summary' ->> 'reward')::int > 0";

    private final Pool pool;

    public FeedbackRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Check> check(UUID id) {
        return pool.preparedQuery("select v.id, v.department, v.actor_id, v.created_at, coalesce(" + NAMED_MEASURE
                        + ", false) as named from verification v where v.id = $1")
                .execute(Tuple.of(id))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row row = rows.iterator().next();
                    return new Check(row.getUUID("id"), row.getString("department"), row.getString("actor_id"),
                            row.getOffsetDateTime("created_at"), row.getBoolean("named"));
                });
    }

    /** Stores the feedback unless the check has one already; the stored report, or null if there was one. */
    public Uni<OffsetDateTime> insert(UUID id, String department, String reportedBy, FeedbackOutcome outcome,
                                      String reason, String caseOutcome) {
        return pool.preparedQuery("""
                        insert into verification_feedback (verification_id, department, reported_by, outcome, reason,
                                                           case_outcome)
                        values ($1, $2, $3, $4, $5, $6) on conflict (verification_id) do nothing returning reported_at
                        """)
                .execute(Tuple.of(id, department, reportedBy, outcome.name(), reason, caseOutcome))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getOffsetDateTime(0));
    }

    public Uni<Stored> find(UUID id) {
        return pool.preparedQuery("select * from verification_feedback where verification_id = $1").execute(Tuple.of(id))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row row = rows.iterator().next();
                    return new Stored(row.getString("outcome"), row.getString("reason"), row.getString("case_outcome"),
                            row.getString("reported_by"), row.getOffsetDateTime("reported_at"));
                });
    }

    /**
     * Checks of {@code department} (null: every department) that named a measure, are older than the period and have
     * no feedback, oldest first, after the position ({@code afterAt}, {@code afterId}).
     */
    public Uni<List<Overdue>> overdue(String department, Duration dueWithin, OffsetDateTime afterAt, UUID afterId,
                                      int size) {
        return pool.preparedQuery("""
                        select v.id, v.scenario, v.created_at, v.created_at + make_interval(secs => $2) as due_by,
                               (v.result -> 'summary' ->> 'block')::int as block,
                               (v.result -> 'summary' ->> 'caution')::int as caution,
                               (v.result -> 'summary' ->> 'reward')::int as reward
                        from verification v
                        where ($1::text is null or v.department = $1) and %s
                          and v.created_at < clock_timestamp() - make_interval(secs => $2)
                          and not exists (select 1 from verification_feedback f where f.verification_id = v.id)
                          and ($3::timestamptz is null or (v.created_at, v.id) > ($3, $4))
                        order by v.created_at, v.id limit $5
                        """.formatted(NAMED_MEASURE))
                .execute(Tuple.tuple().addString(department).addDouble((double) dueWithin.toSeconds())
                        .addOffsetDateTime(afterAt).addUUID(afterId).addInteger(size))
                .map(rows -> {
                    List<Overdue> overdue = new ArrayList<>();
                    for (Row row : rows) {
                        overdue.add(new Overdue(row.getUUID("id").toString(), row.getString("scenario"),
                                row.getOffsetDateTime("created_at"), row.getOffsetDateTime("due_by"),
                                row.getInteger("block"), row.getInteger("caution"), row.getInteger("reward")));
                    }
                    return overdue;
                });
    }
}
