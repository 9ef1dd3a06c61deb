package io.creditquery.evaluation;

import io.creditquery.record.PublicVisibility;

/**
 * The per-subject counts a grade needs (commitments made through the platform and CREDIT_COMMITMENT records filed
 * by departments with {@code content.kept} both count), as lateral joins and select-list columns over a subject
 * aliased {@code s}, so that profiles, checks, index documents and the watch scan compute them in the query they
 * already make.
 */
public final class EvaluationSql {

    /** Commitments assessed longer ago than this no longer count. */
    public static final String COMMITMENT_LOOKBACK = "3 years";

    /**
     * Lateral joins over a subject aliased {@code s}: {@code rc} reads its records once (public categories and the
     * counts a grade needs, each a FILTER of the same pass), {@code cm} its commitments once. One pass per table
     * instead of a correlated subquery per count: the index documents of a subject cost half as much SQL.
     */
    public static final String JOINS = """
            cross join lateral (
                select coalesce(array_agg(distinct r.category) filter (where p.visible), '{}') as public_categories,
                       count(*) filter (where p.visible and r.category = 'ADMIN_PENALTY')::int as penalties,
                       count(*) filter (where p.visible and r.status = 'UNDER_OBJECTION')::int as records_under_objection,
                       count(*) filter (where p.visible and r.category = 'CREDIT_COMMITMENT'
                                        and r.content ->> 'kept' = 'false'
                                        and r.decision_date > current_date - interval '%2$s')::int as broken_records
                from credit_record r cross join lateral (select %1$s as visible) p
                where r.subject_id = s.id
            ) rc
            cross join lateral (
                select count(*) filter (where not c.kept)::int as broken_made,
                       count(*) filter (where c.kept)::int as kept_commitments
                from commitment c where c.subject_id = s.id and c.assessed_on > current_date - interval '%2$s'
            ) cm
            """.formatted(PublicVisibility.RECORD_SQL, COMMITMENT_LOOKBACK);

    /** The counts of {@link EvaluationRepository.Counts}, from {@link #JOINS}. */
    public static final String COLUMNS = "rc.penalties, rc.records_under_objection,"
            + " rc.broken_records + cm.broken_made as broken_commitments, cm.kept_commitments";

    private EvaluationSql() {
    }
}
