package io.creditquery.commitment;

/** Whether the subject kept the commitment, with the department's finding. */
public record CommitmentAssessment(Boolean kept, String note) {
}
