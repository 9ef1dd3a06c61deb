package io.creditquery.audit;

import io.creditquery.common.StartupOrder;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.time.YearMonth;
import java.util.List;
import java.util.stream.IntStream;

/** Monthly partitions of audit_event created ahead of time, and checkpoints of the chain head every minute. */
@Singleton
public class AuditMaintenance {

    private static final Logger LOG = Logger.getLogger(AuditMaintenance.class);
    private static final int MONTHS_AHEAD = 3;

    private final Pool pool;
    private final AuditRepository repository;

    public AuditMaintenance(Pool pool, AuditRepository repository) {
        this.pool = pool;
        this.repository = repository;
    }

    void onStart(@Observes @Priority(StartupOrder.AUDIT) StartupEvent event, AuditConfig config) {
        if (!config.enabled()) {
            LOG.error("AUDIT IS DISABLED (credit.audit.enabled=false): queries are answered without audit records."
                    + " This setting exists only to measure the cost of the audit log.");
        }
        ensurePartitions().await().indefinitely();
    }

    @Scheduled(cron = "0 17 3 * * ?", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> daily() {
        return ensurePartitions();
    }

    @Scheduled(every = "60s", delayed = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> checkpoint() {
        return repository.checkpoint().onFailure().invoke(e -> LOG.warnf("audit checkpoint failed: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }

    /**
     * This month and the next ones, created by the owner role on the service's behalf (audit_ensure_month); a month
     * whose rows already sit in the default partition is left to the archive step.
     */
    Uni<Void> ensurePartitions() {
        YearMonth now = YearMonth.now();
        List<Uni<Void>> creations = IntStream.rangeClosed(0, MONTHS_AHEAD).mapToObj(now::plusMonths)
                .map(month -> pool.preparedQuery("select audit_ensure_month($1)").execute(Tuple.of(month.atDay(1)))
                        .replaceWithVoid()
                        .onFailure().invoke(e -> LOG.warnf("audit partition for %s not created: %s", month, e.getMessage()))
                        .onFailure().recoverWithNull())
                .toList();
        return Uni.join().all(creations).andCollectFailures().replaceWithVoid();
    }
}
