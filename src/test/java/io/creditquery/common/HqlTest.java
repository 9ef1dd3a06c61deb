package io.creditquery.common;

import io.creditquery.list.ListVisibility;
import io.creditquery.record.PublicVisibility;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The visibility rules are written once, in SQL; their HQL is derived and must say the same of the entities. */
class HqlTest {

    @Test
    void qualifiedSnakeCaseColumnsBecomeTheEntitysFields() {
        assertEquals("r.publicityUntil >= current_date and r.status = 'ACTIVE' and x.a1B2 = 1",
                Hql.fromSql("r.publicity_until >= current_date and r.status = 'ACTIVE' and x.a1_b2 = 1"));
        assertEquals("r.status = 'UNDER_OBJECTION' and classification_code = 1",
                Hql.fromSql("r.status = 'UNDER_OBJECTION' and classification_code = 1"), "unqualified names stay");
    }

    @Test
    void theDerivedRulesAreTheOnesTheProfilesUsedBefore() {
        assertEquals("r.classification = 'PUBLIC' and r.status in ('ACTIVE', 'UNDER_OBJECTION')"
                + " and (r.publicityUntil is null or r.publicityUntil >= current_date)", PublicVisibility.RECORD_HQL);
        assertEquals("l.status in ('ACTIVE', 'UNDER_OBJECTION') and l.exitedOn is null"
                + " and (l.plannedExitOn is null or l.plannedExitOn > current_date)", ListVisibility.LIST_HQL);
        assertEquals("r.classification = 'PUBLIC' and r.status in ('ACTIVE', 'UNDER_OBJECTION')"
                + " and (r.publicity_until is null or r.publicity_until >= current_date)", PublicVisibility.RECORD_SQL);
    }
}
