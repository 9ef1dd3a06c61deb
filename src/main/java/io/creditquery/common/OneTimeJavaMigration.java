package io.creditquery.common;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A versioned migration in Java, for what SQL cannot do because it needs the service's keys (HMACs of citizen IDs,
 * the audit chain key). It runs once, in one transaction, as the owner role; Flyway keeps no checksum for it.
 */
public abstract class OneTimeJavaMigration implements JavaMigration {

    private final MigrationVersion version;
    private final String description;

    protected OneTimeJavaMigration(String version, String description) {
        this.version = MigrationVersion.fromVersion(version);
        this.description = description;
    }

    @Override
    public MigrationVersion getVersion() {
        return version;
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    /** The rows, checkpoints and heads it rewrites change together or not at all. */
    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }
}
