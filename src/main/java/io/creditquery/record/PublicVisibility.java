package io.creditquery.record;

import io.creditquery.common.Hql;

/**
 * What the public may see of records, stated once in SQL (index documents, checks) and derived for HQL (profiles):
 * PUBLIC records in force (not repaired, revoked or corrected away) and inside their publicity window. List entries:
 * {@link io.creditquery.list.ListVisibility}.
 */
public final class PublicVisibility {

    /** In force: not repaired, revoked or corrected away. */
    public static final String RECORD_IN_FORCE_SQL = "r.status in ('ACTIVE', 'UNDER_OBJECTION')";
    /** Inside its publicity window (公示期): the public's and departments' view of a record. */
    public static final String IN_WINDOW_SQL = "(r.publicity_until is null or r.publicity_until >= current_date)";
    public static final String RECORD_SQL = "r.classification = 'PUBLIC' and " + RECORD_IN_FORCE_SQL + " and " + IN_WINDOW_SQL;

    public static final String RECORD_IN_FORCE_HQL = Hql.fromSql(RECORD_IN_FORCE_SQL);
    public static final String IN_WINDOW_HQL = Hql.fromSql(IN_WINDOW_SQL);
    public static final String RECORD_HQL = Hql.fromSql(RECORD_SQL);

    private PublicVisibility() {
    }
}
