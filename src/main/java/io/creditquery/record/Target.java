package io.creditquery.record;

import io.creditquery.list.ListType;
import io.creditquery.subject.SubjectType;

import java.time.LocalDate;

/**
 * A record or a list entry as the object of a subject's right (objection, repair): its owner department, its
 * status and category, and whether the public may see it.
 */
public record Target(Kind kind, long id, long subjectId, String subjectKey, String subjectType, String department,
                     String status, String category, LocalDate since, String label, boolean inPublicView) {

    public enum Kind { RECORD, LIST_ENTRY }

    /** What the public may object to: what it can see (natural persons only on lists that name them publicly). */
    public boolean publicMaySee() {
        if (!inPublicView) {
            return false;
        }
        if (!SubjectType.NATURAL_PERSON.name().equals(subjectType)) {
            return true;
        }
        return kind == Kind.LIST_ENTRY && ListType.valueOf(category).namesPersonsPublicly();
    }
}
