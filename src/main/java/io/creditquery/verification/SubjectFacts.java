package io.creditquery.verification;

import io.creditquery.evaluation.Evaluation;

import java.time.LocalDate;
import java.util.List;

/** What a credit check needs to know of one subject, cached per subject in Redis and invalidated on change. */
public record SubjectFacts(String subjectKey, String code, String name, String subjectType, String status,
                           List<ListFact> lists, int recordsUnderObjection, Evaluation evaluation) {

    /** A list entry in force today, flagged while an objection against it is open. */
    public record ListFact(long id, String listType, String authority, String decisionNo, String basis,
                           LocalDate listedOn, LocalDate plannedExitOn, boolean underObjection) {
    }
}
