package io.creditquery.common;

import io.vertx.pgclient.PgException;

/** PostgreSQL errors that a service turns into answers. */
public final class PgErrors {

    private PgErrors() {
    }

    /** A unique index refused the row: someone else got there first. */
    public static boolean isUniqueViolation(Throwable e) {
        return e instanceof PgException pg && "23505".equals(pg.getSqlState());
    }
}
