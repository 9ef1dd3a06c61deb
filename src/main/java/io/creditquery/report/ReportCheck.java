package io.creditquery.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;

import java.time.OffsetDateTime;

/**
 * What anyone holding a report number learns: who it is about, when it was made, for which view, and the SHA-256 of
 * its content (printed on the report). The content itself only for reports of the public view.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportCheck(String number, String subjectCode, String subjectName, String view,
                          OffsetDateTime generatedAt, String contentSha256, @JsonRawValue String content) {
}
