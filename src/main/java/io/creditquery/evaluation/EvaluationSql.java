package io.creditquery.evaluation;

import io.creditquery.record.PublicVisibility;

/**
 * The per-subject counts a grade needs (commitments made through the platform and CREDIT_COMMITMENT records filed
 * by departments with {@code content.kept} both count), as select-list columns over a subject aliased {@code s}, so that profiles,
 * checks, index documents and the watch scan compute them in the query they already make.
 */
public final class EvaluationSql {

    /** Commitments assessed longer ago than this no longer count. */
    public static final String COMMITMENT_LOOKBACK = "3 years";

    public static final String COLUMNS = """
            (select count(*) from credit_record r where r.subject_id = s.id and r.category = 'ADMIN_PENALTY' and %1$s)::int
                as penalties,
            (select count(*) from credit_record r where r.subject_id = s.id and r.status = 'UNDER_OBJECTION' and %1$s)::int
                as records_under_objection,
            ((select count(*) filter (where not c.kept) from commitment c where c.subject_id = s.id
                and c.assessed_on > current_date - interval '%2$s')
             + (select count(*) from credit_record r where r.subject_id = s.id and r.category = 'CREDIT_COMMITMENT'
                and r.content ->> 'kept' = 'false' and r.decision_date > current_date - interval '%2$s' and %1$s))::int
                as broken_commitments,
            (select count(*) filter (where c.kept) from commitment c where c.subject_id = s.id
                and c.assessed_on > current_date - interval '%2$s')::int as kept_commitments
            """.formatted(PublicVisibility.RECORD_SQL, COMMITMENT_LOOKBACK);

    private EvaluationSql() {
    }
}
