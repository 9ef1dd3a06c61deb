package io.creditquery.objection;

import io.creditquery.common.FieldChecks;
import io.creditquery.record.TargetCorrection;

import java.time.LocalDate;

/** Checks of the new values a CORRECT decision gives. */
final class Corrections {

    private Corrections() {
    }

    static TargetCorrection check(FieldChecks checks, ObjectionDecision.Correction given) {
        if (!checks.require(given != null, "correction", "is required for decision CORRECT: the new values")) {
            return null;
        }
        String title = checks.text("correction.title", given.title(), false, 500);
        LocalDate decisionDate = checks.date("correction.decisionDate", given.decisionDate(), false);
        LocalDate publicityUntil = checks.date("correction.publicityUntil", given.publicityUntil(), false);
        String basis = checks.text("correction.basis", given.basis(), false, 1000);
        LocalDate plannedExitOn = checks.date("correction.plannedExitOn", given.plannedExitOn(), false);
        checks.require(decisionDate == null || !decisionDate.isAfter(LocalDate.now()), "correction.decisionDate",
                "must not be in the future");
        checks.require(decisionDate == null || publicityUntil == null || !publicityUntil.isBefore(decisionDate),
                "correction.publicityUntil", "is before correction.decisionDate");
        TargetCorrection correction = new TargetCorrection(title, given.content(), decisionDate, publicityUntil, basis,
                plannedExitOn);
        checks.require(!correction.isEmpty(), "correction", "gives no new value: title, content, decisionDate,"
                + " publicityUntil (records) or basis, plannedExitOn (list entries)");
        return correction;
    }
}
