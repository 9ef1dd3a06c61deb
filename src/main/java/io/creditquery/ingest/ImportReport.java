package io.creditquery.ingest;

import io.creditquery.ingest.TemplateRowConverter.CellIssue;

import java.util.List;
import java.util.UUID;

/**
 * What became of an uploaded template file: rows read (blank rows not counted), accepted, rejected, and each
 * problem by row number (as the spreadsheet shows it) and column (as the template names it).
 */
public record ImportReport(UUID id, String fileName, String template, String format, String department,
                           int rows, int accepted, int rejected, int warnings, int newSubjects, int changedSubjects,
                           List<CellIssue> errors, List<CellIssue> warningList, boolean listsTruncated,
                           long millis, Links links) {

    /** Where the report and the annotated copy of the refused rows can be downloaded again. */
    public record Links(String report, String annotated) {
        static Links of(UUID id) {
            String base = "/api/v1/ingest/files/" + id;
            return new Links(base, base + "/annotated.csv");
        }
    }
}
