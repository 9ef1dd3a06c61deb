package io.creditquery.common;

/** The order of the start-up observers ({@code @Priority} of {@code StartupEvent}): lower runs first. */
public final class StartupOrder {

    /** The schema migrations: everything that reads or writes the database comes after. */
    public static final int SCHEMA = 10;
    /** Work on the audit chain once the schema is current. */
    public static final int AUDIT = SCHEMA + 5;
    /** The search index and the demo data, once the schema is current. */
    public static final int DATA = SCHEMA + 10;

    private StartupOrder() {
    }
}
