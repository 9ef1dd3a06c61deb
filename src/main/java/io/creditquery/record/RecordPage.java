package io.creditquery.record;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** One page of a subject's records as the caller may see them; a record's {@code id} is what objections and repairs name. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecordPage(List<RecordView> items, String nextCursor) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RecordView(long id, String category, String categoryLabel, String title, String sourceDept,
                             String sourceDeptName, String sourceDocNo, LocalDate decisionDate, LocalDate publicityUntil,
                             String status, String statusLabel, String classification, Map<String, Object> content,
                             Lineage lineage) {

        static RecordView of(CreditRecord r, DepartmentNames departments) {
            return new RecordView(r.id, r.category, RecordCategory.valueOf(r.category).label(), r.title, r.sourceDept,
                    departments.name(r.sourceDept), r.sourceDocNo, r.decisionDate, r.publicityUntil, r.status, RecordStatus.valueOf(r.status).label(), r.classification, r.content,
                    new Lineage(r.sourceDept, r.sourceDocNo, r.createdAt, r.updatedAt, r.version));
        }
    }

    /**
     * Where a record comes from: the filing department and its decision number (the idempotency key), when the
     * platform first received it, when and how often it changed since (version 1 = as received).
     */
    public record Lineage(String sourceDept, String sourceDocNo, OffsetDateTime receivedAt, OffsetDateTime updatedAt,
                          long version) {
    }
}
