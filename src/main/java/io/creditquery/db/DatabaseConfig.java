package io.creditquery.db;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "credit.db")
public interface DatabaseConfig {

    /** JDBC URL used only by the schema migrations at start-up; queries use the reactive pool. */
    String jdbcUrl();

    /** The role that owns the schema and runs the migrations; nothing else connects as it. */
    String ownerUsername();

    String ownerPassword();

    /** The service's own role (the reactive pool's user), to which the migrations grant what it may do. */
    String serviceRole();
}
