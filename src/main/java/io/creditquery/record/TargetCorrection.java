package io.creditquery.record;

import java.time.LocalDate;
import java.util.Map;

/** New values for a record (title, content, dates) or a list entry (basis, planned exit); null keeps the old value. */
public record TargetCorrection(String title, Map<String, Object> content, LocalDate decisionDate,
                               LocalDate publicityUntil, String basis, LocalDate plannedExitOn) {

    public boolean isEmpty() {
        return title == null && content == null && decisionDate == null && publicityUntil == null && basis == null
                && plannedExitOn == null;
    }

    /** The name of a value given that does not apply to this kind of target, or null. */
    public String misplacedFor(Target.Kind kind) {
        if (kind == Target.Kind.RECORD) {
            return basis != null ? "basis" : plannedExitOn != null ? "plannedExitOn" : null;
        }
        return title != null ? "title" : content != null ? "content" : decisionDate != null ? "decisionDate"
                : publicityUntil != null ? "publicityUntil" : null;
    }
}
