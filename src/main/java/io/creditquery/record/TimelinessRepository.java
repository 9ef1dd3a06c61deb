package io.creditquery.record;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Decision-to-publication delay of records: a record is published when the platform first receives it
 * ({@code created_at}, as a date in China Standard Time); the delay is counted in calendar days from the decision.
 */
@ApplicationScoped
public class TimelinessRepository {

    private static final String RECEIVED = "(r.created_at at time zone 'Asia/Shanghai')::date";
    private static final String WHERE = " where r.created_at >= $1 and r.created_at < $2 and ($3::text is null or r.source_dept = $3) ";

    /** One department's figures. */
    public record DepartmentTimeliness(String department, long records, long late, double lateShare,
                                       double medianDelayDays, int maxDelayDays) {
    }

    /** A record published later than allowed. */
    public record LateSubmission(String department, String decisionNo, String category, LocalDate decisionDate,
                                 LocalDate receivedOn, int delayDays) {
    }

    private final Pool pool;

    public TimelinessRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<DepartmentTimeliness>> byDepartment(OffsetDateTime from, OffsetDateTime to, String department,
                                                        int allowedDays) {
        return pool.preparedQuery("select r.source_dept, count(*), count(*) filter (where " + RECEIVED
                        + " - r.decision_date > $4), percentile_cont(0.5) within group (order by " + RECEIVED
                        + " - r.decision_date), max(" + RECEIVED + " - r.decision_date) from credit_record r" + WHERE
                        + "group by r.source_dept order by 3 desc, 1")
                .execute(Tuple.of(from, to, department, allowedDays))
                .map(rows -> {
                    List<DepartmentTimeliness> result = new ArrayList<>();
                    for (Row row : rows) {
                        long records = row.getLong(1);
                        long late = row.getLong(2);
                        result.add(new DepartmentTimeliness(row.getString(0), records, late,
                                records == 0 ? 0 : (double) late / records, row.getDouble(3), row.getInteger(4)));
                    }
                    return result;
                });
    }

    public Uni<List<LateSubmission>> late(OffsetDateTime from, OffsetDateTime to, String department, int allowedDays,
                                          int limit) {
        return pool.preparedQuery("select r.source_dept, r.source_doc_no, r.category, r.decision_date, " + RECEIVED
                        + ", " + RECEIVED + " - r.decision_date from credit_record r" + WHERE + "and " + RECEIVED
                        + " - r.decision_date > $4 order by 6 desc, 1, 2 limit $5")
                .execute(Tuple.of(from, to, department, allowedDays, limit))
                .map(rows -> {
                    List<LateSubmission> result = new ArrayList<>();
                    for (Row row : rows) {
                        result.add(new LateSubmission(row.getString(0), row.getString(1), row.getString(2),
                                row.getLocalDate(3), row.getLocalDate(4), row.getInteger(5)));
                    }
                    return result;
                });
    }
}
