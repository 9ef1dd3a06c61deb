package io.creditquery.repair;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.time.OffsetDateTime;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record RepairView(String id, String targetKind, long targetId, String subjectCode, String department,
                         String status, String reason, boolean finePaid, String paymentReference, String commitmentId,
                         OffsetDateTime filedAt, LocalDate dueOn, OffsetDateTime decidedAt, String decisionNote) {
}
