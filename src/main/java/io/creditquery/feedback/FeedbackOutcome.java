package io.creditquery.feedback;

/** What the checking department did with the measures a check named. */
public enum FeedbackOutcome {
    /** 已采取措施: the measure (a restriction, or an incentive for a red-listed subject) was applied. */
    MEASURE_APPLIED,
    /** 未采取措施: not applied; the reason is required (e.g. the list entry had ended, a legal exception). */
    MEASURE_NOT_APPLIED,
    /** 无需采取措施: the answer named no measure that applied to the matter. */
    NO_MEASURE_NEEDED
}
