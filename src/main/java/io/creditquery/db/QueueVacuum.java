package io.creditquery.db;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * Vacuums the tables the service uses as queues (rows written, then deleted or updated within seconds). Left to
 * autovacuum's default threshold (a fifth of the table), or with autovacuum off as on this workplace's machines, their
 * dead rows pile up at the head of the id index and every dequeue walks them: with 5 M dead rows one 2,000-row dequeue
 * of the search outbox read 13,622 pages (735 ms) instead of about 50 (load-tests/RESULTS.md). Vacuuming a queue
 * that is kept small costs milliseconds; SKIP_LOCKED spares a replica from waiting for another one's vacuum.
 */
@Singleton
public class QueueVacuum {

    private static final Logger LOG = Logger.getLogger(QueueVacuum.class);
    private static final String VACUUM = "vacuum (skip_locked) search_outbox, watch_outbox, webhook_delivery";

    private final Pool pool;

    public QueueVacuum(Pool pool) {
        this.pool = pool;
    }

    @Scheduled(every = "${credit.db.queue-vacuum-every:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> vacuum() {
        return pool.query(VACUUM).execute().replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf("vacuum of the queue tables failed: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }
}
