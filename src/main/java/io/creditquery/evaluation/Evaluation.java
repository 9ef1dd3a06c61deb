package io.creditquery.evaluation;

import java.util.List;

/** A grade with the rules that produced it (worst first) and the version of the rules file. */
public record Evaluation(Grade grade, String label, String ruleVersion, List<Reason> reasons) {

    public record Reason(String rule, Grade grade, String reason, String reasonEn, int count) {
    }
}
