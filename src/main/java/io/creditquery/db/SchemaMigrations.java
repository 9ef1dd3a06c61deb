package io.creditquery.db;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduler;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

/**
 * Versioned migrations (src/main/resources/db/migration) applied before anything else starts. The scheduler starts
 * halted (quarkus.scheduler.start-mode) and is resumed here, so no job runs against a database without its tables.
 */
@Singleton
public class SchemaMigrations {

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class);
    /** Start-up observers that need the schema use a larger priority number so they run after this one. */
    public static final int PRIORITY = 10;

    void migrate(@Observes @Priority(PRIORITY) StartupEvent event, DatabaseConfig config, Scheduler scheduler) {
        Flyway flyway = Flyway.configure()
                .dataSource(config.jdbcUrl(), config.username(), config.password())
                .locations("classpath:db/migration")
                .load();
        int applied = flyway.migrate().migrationsExecuted;
        LOG.infof("schema at version %s (%d migrations applied now)", flyway.info().current().getVersion(), applied);
        scheduler.resume();
    }
}
