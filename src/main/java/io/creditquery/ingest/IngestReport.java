package io.creditquery.ingest;

import java.util.List;

/**
 * The per-file answer: every valid line was committed (accepted), every invalid one was left out with its reasons.
 * {@code changedSubjects} counts subjects whose stored data changed; re-sending a file changes nothing.
 */
public record IngestReport(String kind, int lines, int accepted, int changedSubjects, int rejected,
                           List<LineError> errors) {
}
