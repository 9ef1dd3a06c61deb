package io.creditquery.subject;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Publicity windows end by the calendar: a penalty leaves public view the day after its publicity_until, a list entry
 * on its planned exit date. PostgreSQL reads see that by themselves (the visibility rules compare with today); this job
 * brings the index, the caches and the grades along, for every subject whose window ended since the last run.
 * One replica runs it at a time (the marker row is locked with SKIP LOCKED).
 */
@ApplicationScoped
public class PublicityExpiry {

    private static final Logger LOG = Logger.getLogger(PublicityExpiry.class);
    private static final String ENDED = """
            select subject_id from credit_record where publicity_until >= $1 and publicity_until < current_date
            union
            select subject_id from list_entry where planned_exit_on > $1 and planned_exit_on <= current_date
                and exited_on is null
            """;

    private final Pool pool;
    private final SubjectChanges changes;

    public PublicityExpiry(Pool pool, SubjectChanges changes) {
        this.pool = pool;
        this.changes = changes;
    }

    @Scheduled(every = "${credit.publicity.check-every:1h}", delayed = "${credit.publicity.first-check-after:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return run().invoke(count -> {
                    if (count > 0) {
                        LOG.infof("publicity windows ended for %d subjects; index and caches updated", count);
                    }
                })
                .onFailure().invoke(e -> LOG.warnf("publicity expiry run failed, next run retries: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Publishes the subjects whose windows ended since the last run; how many (0 if another replica is running). */
    public Uni<Integer> run() {
        return pool.withTransaction(connection -> connection
                        .query("select checked_through from publicity_expiry where id = 1 for update skip locked").execute()
                        .chain(rows -> rows.size() == 0 ? Uni.createFrom().item(List.<SubjectChanges.Changed>of())
                                : ended(connection, rows.iterator().next().getLocalDate(0))))
                .call(changes::publishInBackground)
                .map(List::size);
    }

    private Uni<List<SubjectChanges.Changed>> ended(SqlConnection connection, LocalDate checkedThrough) {
        return connection.preparedQuery(ENDED).execute(Tuple.of(checkedThrough))
                .chain(rows -> {
                    List<Long> ids = new ArrayList<>();
                    rows.forEach(row -> ids.add(row.getLong(0)));
                    return ids.isEmpty() ? Uni.createFrom().item(List.<SubjectChanges.Changed>of())
                            : changes.touch(connection, ids);
                })
                .call(() -> connection.query("update publicity_expiry set checked_through = current_date where id = 1")
                        .execute());
    }
}
