package io.creditquery.objection;

import java.util.Map;

/**
 * The owning department's handling of an objection: ACCEPT (受理, keeps the flag while it checks), REJECT (the
 * information stands), CORRECT (fixed in place; the before and after are kept), DELETE (withdrawn from every view).
 */
public record ObjectionDecision(String decision, String note, Correction correction) {

    public enum Kind { ACCEPT, REJECT, CORRECT, DELETE }

    /** New values for a record (title, content, decisionDate, publicityUntil) or a list entry (basis, plannedExitOn). */
    public record Correction(String title, Map<String, Object> content, String decisionDate, String publicityUntil,
                             String basis, String plannedExitOn) {
    }
}
