package io.creditquery.record;

import io.creditquery.common.StartupOrder;
import io.creditquery.common.StartupWork;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Departments' names by code (370000-SCJ → 山东省市场监督管理局), for what people read: the authority of a list entry,
 * the source of a record. A snapshot of the reference table, read at start and every few minutes, so that naming
 * never costs a query on the way of an answer (nor a second connection inside a profile's session). A code the
 * snapshot does not know has no name; the code is always given beside it. The first read runs in the background at
 * start ({@link StartupWork}): the replica is ready once it is done, so the first profiles it answers carry the names.
 */
@Singleton
public class DepartmentNames {

    private static final Logger LOG = Logger.getLogger(DepartmentNames.class);

    private static final Duration FIRST_READ_LIMIT = Duration.ofSeconds(10);

    private final Pool pool;
    private final StartupWork startupWork;
    private volatile Map<String, String> names = Map.of();

    public DepartmentNames(Pool pool, StartupWork startupWork) {
        this.pool = pool;
        this.startupWork = startupWork;
    }

    /** The name of the department with this code, or null. */
    public String name(String code) {
        return code == null ? null : names.get(code);
    }

    void start(@Observes @Priority(StartupOrder.DATA) StartupEvent event) {
        // Bounded: a database that never answers must not keep the replica out of service for ever.
        startupWork.run("department names", () -> reload().ifNoItem().after(FIRST_READ_LIMIT).fail());
    }

    @Scheduled(every = "${credit.departments.reload-every:5m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> reload() {
        return pool.query("select code, name from department").execute()
                .invoke(rows -> {
                    Map<String, String> loaded = new HashMap<>();
                    rows.forEach(row -> loaded.put(row.getString("code"), row.getString("name")));
                    names = Map.copyOf(loaded);
                })
                .replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf("department names not read (codes are shown without names): %s",
                        e.getMessage()))
                .onFailure().recoverWithNull();
    }
}
