package io.creditquery.db;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "credit.db")
public interface DatabaseConfig {

    /** JDBC URL used only by the schema migrations at start-up; queries use the reactive pool. */
    String jdbcUrl();

    String username();

    String password();
}
