package io.creditquery.db;

import io.creditquery.audit.AuditChainRekey;
import io.creditquery.common.StartupOrder;
import io.creditquery.audit.AuditHash;
import io.creditquery.security.PersonalIds;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduler;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Versioned migrations (src/main/resources/db/migration; {@link AuditChainRekey} and {@link PersonalDataAtRest}, which
 * need the keys, in Java) applied as the owner
 * role before anything else starts; the service's own role gets only what V17 grants it. The scheduler starts
 * halted (quarkus.scheduler.start-mode) and is resumed here, so no job runs against a database without its tables.
 */
@Singleton
public class SchemaMigrations {

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class);
    /** The role's name goes into GRANT statements as it is. */
    private static final Pattern ROLE = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    void migrate(@Observes @Priority(StartupOrder.SCHEMA) StartupEvent event, DatabaseConfig config, Scheduler scheduler,
                 AuditHash auditHash, PersonalIds personalIds) {
        if (!ROLE.matcher(config.serviceRole()).matches()) {
            throw new IllegalStateException("credit.db.service-role must be a plain lower-case role name, not "
                    + config.serviceRole());
        }
        if (config.serviceRole().equals(config.ownerUsername())) {
            throw new IllegalStateException("the service's role must not own the schema: set credit.db.owner-username"
                    + " (CQ_DB_OWNER_USER) to another role than " + config.serviceRole());
        }
        Flyway flyway = Flyway.configure()
                .dataSource(config.jdbcUrl(), config.ownerUsername(), config.ownerPassword())
                .locations("classpath:db/migration")
                .placeholders(Map.of("serviceRole", config.serviceRole()))
                .javaMigrations(new AuditChainRekey(auditHash, personalIds), new PersonalDataAtRest(personalIds))
                .load();
        MigrateResult result = flyway.migrate();
        LOG.infof("schema at version %s (%d migrations applied now)",
                result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion,
                result.migrationsExecuted);
        scheduler.resume();
    }
}
