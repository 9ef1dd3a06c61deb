package io.creditquery.feedback;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;

/** A check's feedback as stored; {@code late} if it came after the check's due date. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Feedback(String verificationId, String outcome, String reason, String caseOutcome, String reportedBy,
                       OffsetDateTime reportedAt, OffsetDateTime dueBy, boolean late) {
}
