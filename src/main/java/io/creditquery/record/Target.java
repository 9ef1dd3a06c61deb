package io.creditquery.record;

import io.creditquery.common.FieldChecks;
import io.creditquery.list.ListType;
import io.creditquery.code.SubjectType;

import java.time.LocalDate;

/**
 * A record or a list entry as the object of a subject's right (objection, repair): its owner department, its
 * status and category (list type for entries), since when it stands (decision or listing date), whether the public
 * may see it, and for records their classification and {@code content.penaltyType}.
 */
public record Target(Kind kind, long id, long subjectId, String subjectKey, String subjectType, String department,
                     String status, String category, LocalDate since, String label, boolean inPublicView,
                     String classification, String penaltyType) {

    public enum Kind {
        RECORD, LIST_ENTRY;

        public String label() {
            return this == RECORD ? "record" : "list entry";
        }
    }

    /** The record or list entry a row names by its record_id and list_entry_id columns (exactly one is set). */
    public record Ref(Kind kind, long id) {
        public static Ref of(Long recordId, Long listEntryId) {
            return recordId != null ? new Ref(Kind.RECORD, recordId) : new Ref(Kind.LIST_ENTRY, listEntryId);
        }
    }

    /** The kind a request names by giving exactly one of {@code recordId} and {@code listEntryId}; null if not. */
    public static Kind requested(FieldChecks checks, Long recordId, Long listEntryId) {
        String field = recordId == null ? "listEntryId" : "recordId";
        if (!checks.require((recordId == null) != (listEntryId == null), field,
                "give exactly one of recordId and listEntryId")) {
            return null;
        }
        checks.require((recordId != null ? recordId : listEntryId) > 0, field, "must be a positive id");
        return recordId != null ? Kind.RECORD : Kind.LIST_ENTRY;
    }

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
