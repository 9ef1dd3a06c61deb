package io.creditquery.list;

import io.creditquery.common.Hql;

/** What the public may see of list entries, stated once in SQL and derived for HQL: entries in force, not exited. */
public final class ListVisibility {

    public static final String LIST_SQL = "l.status in ('ACTIVE', 'UNDER_OBJECTION') and l.exited_on is null"
            + " and (l.planned_exit_on is null or l.planned_exit_on > current_date)";
    public static final String LIST_HQL = Hql.fromSql(LIST_SQL);

    private ListVisibility() {
    }
}
