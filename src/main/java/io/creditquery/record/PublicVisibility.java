package io.creditquery.record;

/**
 * What the public may see, stated once for SQL (index documents) and HQL (profiles): PUBLIC records that are not
 * repaired, revoked or corrected away and are inside their publicity window; list entries that are in force
 * (not repaired or revoked, not exited).
 */
public final class PublicVisibility {

    public static final String RECORD_SQL = "r.classification = 'PUBLIC' and r.status in ('ACTIVE', 'UNDER_OBJECTION')"
            + " and (r.publicity_until is null or r.publicity_until >= current_date)";
    /** Inside its publicity window (公示期): the public's and departments' view of a record. */
    public static final String IN_WINDOW_HQL = "(r.publicityUntil is null or r.publicityUntil >= current_date)";
    public static final String RECORD_HQL = "r.classification = 'PUBLIC' and r.status in ('ACTIVE', 'UNDER_OBJECTION')"
            + " and " + IN_WINDOW_HQL;
    public static final String LIST_SQL = "l.status in ('ACTIVE', 'UNDER_OBJECTION') and l.exited_on is null and (l.planned_exit_on is null or l.planned_exit_on > current_date)";
    public static final String LIST_HQL = "l.status in ('ACTIVE', 'UNDER_OBJECTION') and l.exitedOn is null and (l.plannedExitOn is null or l.plannedExitOn > current_date)";

    private PublicVisibility() {
    }
}
