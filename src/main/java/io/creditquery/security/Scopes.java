package io.creditquery.security;

/** Scope names carried in the JWT {@code scope} claim, mapped to roles. */
public final class Scopes {

    /** File data for one's own department. */
    public static final String INGEST = "ingest";
    /** File data on behalf of any department (the provincial data-exchange hub, bulk loads by ops). */
    public static final String INGEST_ALL = "ingest:all";
    /** Run credit checks (信用核查). */
    public static final String VERIFY = "verify";
    public static final String ADMIN = "admin";
    /** Handle objections against one's own department's records and list entries. */
    public static final String OBJECTION_HANDLE = "objection:handle";
    /** Decide repair applications for one's own department's records and list entries. */
    public static final String REPAIR_HANDLE = "repair:handle";
    /** Record credit commitments made to one's department and whether they were kept. */
    public static final String COMMITMENT = "commitment";
    /** Read the change feed of subjects (partners' local mirrors). */
    public static final String CHANGES = "changes";
    /** Keep watchlists and read their events (失信预警). */
    public static final String WATCH = "watch";


    private Scopes() {
    }
}
