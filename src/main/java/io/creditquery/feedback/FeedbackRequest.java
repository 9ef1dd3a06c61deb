package io.creditquery.feedback;

/** POST /api/v1/verifications/{id}/feedback: {@code outcome}, {@code reason} (required when not applied), {@code caseOutcome}. */
public record FeedbackRequest(String outcome, String reason, String caseOutcome) {
}
