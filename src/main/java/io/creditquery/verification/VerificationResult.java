package io.creditquery.verification;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.creditquery.receipt.Receipt;
import io.creditquery.evaluation.Evaluation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The answer to a credit check exactly as stored and as re-read later (可核、可溯). {@code asOf} is when it was
 * answered; a check of a past date has {@code validOn} (the date checked) and {@code knownAt} (what the platform knew).
 * {@code requestSalt} opens the receipt's {@code requestDigest}: only the caller (and the platform) has it, so a
 * receipt shown to others cannot be brute-forced back to the citizen ID that was checked.
 */
// A stored answer written by a newer build (one more field) stays readable by an older one during a deploy or rollback.
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerificationResult(String id, Scenario scenario, String purpose, OffsetDateTime asOf, LocalDate validOn,
                                 OffsetDateTime knownAt, String checkedBy, String department, Summary summary,
                                 List<Item> items, String requestSalt, Receipt receipt, List<Receipt> noHitCertificates) {

    /** The same answer with its signed receipt and a no-hit certificate for each UNKNOWN code. */
    public VerificationResult signed(Receipt receipt, List<Receipt> noHitCertificates) {
        return new VerificationResult(id, scenario, purpose, asOf, validOn, knownAt, checkedBy, department, summary,
                items, requestSalt, receipt, noHitCertificates.isEmpty() ? null : noHitCertificates);
    }

    public record Summary(int checked, int block, int caution, int reward, int clear, int unknown, int invalid) {
    }

    /**
     * One input code: FOUND with a verdict, UNKNOWN (valid but no such subject) or INVALID (with the reason, in
     * English as the code checks write it, and {@code reasonZh} in Chinese for the clerk who reads it).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(int index, String input, String status, String code, String name, Verdict verdict,
                       List<SubjectFacts.ListFact> lists, List<Measure> measures, String grade,
                       Evaluation evaluation, Integer recordsUnderObjection, String reason, String reasonZh,
                       Integer duplicateOf) {

        /** The same answer at another position (a chunk of a verification job placed in the whole list). */
        public Item at(int newIndex, Integer newDuplicateOf) {
            return new Item(newIndex, input, status, code, name, verdict, lists, measures, grade, evaluation,
                    recordsUnderObjection, reason, reasonZh, newDuplicateOf);
        }
    }
}
