package io.creditquery.feedback;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Usage and feedback, counted where each thing is recorded once: credit checks, their verdicts and feedback from the
 * stored checks; lookups of subjects (profiles, records, reports) from the audit log, which holds no checks' verdicts
 * — so nothing is counted twice. Months are Beijing-time months.
 */
@ApplicationScoped
public class StatisticsRepository {

    /** Checks of one month, department and scenario. */
    public record ChecksRow(String month, String department, String region, String scenario, long checks, long codes,
                            long block, long caution, long reward, long clear, long unknown, long invalid,
                            long needingFeedback, long feedbackReported, long measuresApplied) {
    }

    /** Lookups of subjects by one department in one month (successful answers only). */
    public record LookupsRow(String month, String department, long lookups) {
    }

    private static final String TIMEOUT = "15s";
    private static final String MONTH = "to_char(%s at time zone 'Asia/Shanghai', 'YYYY-MM')";

    private final Pool pool;

    public StatisticsRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<ChecksRow>> checks(OffsetDateTime from, OffsetDateTime to, String department) {
        return bounded("""
                        select %s as month, v.department, d.region_code as region, v.scenario, count(*) as checks,
                               sum((v.result -> 'summary' ->> 'checked')::int) as codes,
                               sum((v.result -> 'summary' ->> 'block')::int) as block,
                               sum((v.result -> 'summary' ->> 'caution')::int) as caution,
                               sum((v.result -> 'summary' ->> 'reward')::int) as reward,
                               sum((v.result -> 'summary' ->> 'clear')::int) as clear,
                               sum((v.result -> 'summary' ->> 'unknown')::int) as unknown,
                               sum((v.result -> 'summary' ->> 'invalid')::int) as invalid,
                               count(*) filter (where %s) as needing,
                               count(*) filter (where %s and f.verification_id is not null) as reported,
                               count(*) filter (where f.outcome = 'MEASURE_APPLIED') as applied
                        from verification v
                             left join department d on d.code = v.department
                             left join verification_feedback f on f.verification_id = v.id
                        where v.created_at >= $1 and v.created_at < $2 and ($3::text is null or v.department = $3)
                        group by 1, 2, 3, 4 order by 1, 2, 4
                        """.formatted(MONTH.formatted("v.created_at"), FeedbackRepository.NAMED_MEASURE,
                        FeedbackRepository.NAMED_MEASURE), Tuple.of(from, to, department))
                .map(rows -> {
                    List<ChecksRow> result = new ArrayList<>();
                    for (Row row : rows) {
                        result.add(new ChecksRow(row.getString("month"), row.getString("department"),
                                row.getString("region"), row.getString("scenario"), row.getLong("checks"),
                                number(row, "codes"), number(row, "block"), number(row, "caution"),
                                number(row, "reward"), number(row, "clear"), number(row, "unknown"),
                                number(row, "invalid"), row.getLong("needing"), row.getLong("reported"),
                                row.getLong("applied")));
                    }
                    return result;
                });
    }

    public Uni<List<LookupsRow>> lookups(OffsetDateTime from, OffsetDateTime to, String department) {
        return bounded("""
                        select %s as month, e.department, count(*) as lookups
                        from audit_event e
                        where e.occurred_at >= $1 and e.occurred_at < $2 and e.department is not null
                          and ($3::text is null or e.department = $3)
                          and e.method = 'GET' and e.endpoint like '/api/v1/subjects/%%' and e.status in (200, 304)
                        group by 1, 2 order by 1, 2
                        """.formatted(MONTH.formatted("e.occurred_at")), Tuple.of(from, to, department))
                .map(rows -> {
                    List<LookupsRow> result = new ArrayList<>();
                    rows.forEach(row -> result.add(new LookupsRow(row.getString("month"), row.getString("department"),
                            row.getLong("lookups"))));
                    return result;
                });
    }

    /** One statistics query, cut off after {@value #TIMEOUT} (a period of years must not hold a connection for minutes). */
    private Uni<RowSet<Row>> bounded(String sql, Tuple parameters) {
        return pool.withTransaction(connection -> connection.query("set local statement_timeout = '" + TIMEOUT + "'")
                .execute().chain(() -> connection.preparedQuery(sql).execute(parameters)));
    }

    private static long number(Row row, String column) {
        Long value = row.getLong(column);
        return value == null ? 0 : value;
    }
}
