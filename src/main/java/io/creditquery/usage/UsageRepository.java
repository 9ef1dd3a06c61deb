package io.creditquery.usage;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

@ApplicationScoped
public class UsageRepository {

    /** Routes with ids and codes folded into {id}, e.g. /api/v1/subjects/{id}/records. */
    private static final String USAGE = """
            select (occurred_at at time zone 'Asia/Shanghai')::date as day, method,
                   '/api/v1' || regexp_replace(substr(endpoint, 8), '/[^/]*[0-9][^/]*', '/{id}', 'g') as route,
                   count(*) as calls,
                   count(*) filter (where status >= 400) as refused,
                   coalesce(sum(case when status >= 400 then 0
                                     when method = 'POST' and endpoint = '/api/v1/verifications'
                                         then coalesce((query ->> 'codes')::bigint, 1)
                                     else 1 end), 0) as billed
            from audit_event
            where api_key_id = $1
              and occurred_at >= ($2::date)::timestamp at time zone 'Asia/Shanghai'
              and occurred_at < (($3::date) + 1)::timestamp at time zone 'Asia/Shanghai'
            group by 1, 2, 3 order by 1, 3, 2
            """;

    private final Pool pool;

    public UsageRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<UsageReport.Line>> lines(String apiKeyId, LocalDate from, LocalDate to) {
        return pool.preparedQuery(USAGE).execute(Tuple.of(apiKeyId, from, to)).map(rows -> {
            List<UsageReport.Line> lines = new ArrayList<>();
            for (Row row : rows) {
                lines.add(new UsageReport.Line(row.getLocalDate("day"), row.getString("method"), row.getString("route"),
                        row.getLong("calls"), row.getLong("refused"), row.getLong("billed")));
            }
            return lines;
        });
    }
}
