package io.creditquery.objection;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * An objection as its filer (by tracking id) or the handling department sees it; the filer's name and contact only
 * for the department.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ObjectionView(String trackingId, String targetKind, long targetId, String subjectCode, String department,
                            String status, String reason, List<ObjectionRequest.Attachment> attachments,
                            OffsetDateTime filedAt, LocalDate dueOn, boolean overdue, OffsetDateTime acceptedAt,
                            OffsetDateTime decidedAt, String decisionNote, Map<String, Object> correction,
                            String filerKind, String filerName, String contact) {

    ObjectionView forFiler() {
        return new ObjectionView(trackingId, targetKind, targetId, subjectCode, department, status, reason, attachments,
                filedAt, dueOn, overdue, acceptedAt, decidedAt, decisionNote, correction, filerKind, null, null);
    }
}
