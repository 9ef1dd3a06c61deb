package io.creditquery.evaluation;

import java.util.Map;

/**
 * The inputs of a grade, all from what the public may see: lists in force, administrative penalties in their
 * publicity window, and commitments assessed within three years (see {@link EvaluationSql}).
 */
public record EvaluationFacts(int seriousBlackLists, int otherBlackLists, int redLists, int penalties,
                              int brokenCommitments, int keptCommitments) {

    /** The facts by the names the rules file uses. */
    public Map<String, Integer> byName() {
        return Map.of("seriousBlackLists", seriousBlackLists, "otherBlackLists", otherBlackLists,
                "redLists", redLists, "penalties", penalties, "brokenCommitments", brokenCommitments,
                "keptCommitments", keptCommitments);
    }
}
