package io.creditquery.commitment;

/** A commitment a subject made to the calling department: its kind, text, date, and when it falls due. */
public record CommitmentRequest(String subjectCode, String type, String content, String madeOn, String dueOn) {
}
