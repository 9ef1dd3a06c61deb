package io.creditquery.feedback;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;
import java.util.List;

/** GET /api/v1/admin/statistics: checks, verdicts, feedback and lookups by month, department, region and scenario. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Statistics(OffsetDateTime from, OffsetDateTime to, Totals totals, List<Checks> checks,
                         List<Lookups> lookups) {

    /** {@code feedbackRate}: reported ÷ needing feedback (checks that named a measure); null when none needed it. */
    public record Totals(long checks, long codes, long needingFeedback, long feedbackReported, Double feedbackRate,
                         long measuresApplied, long lookups) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Checks(String month, String department, String departmentName, String region, String regionName,
                         String scenario, long checks, long codes, Verdicts verdicts, long needingFeedback,
                         long feedbackReported, Double feedbackRate, long measuresApplied) {
    }

    public record Verdicts(long block, long caution, long reward, long clear, long unknown, long invalid) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Lookups(String month, String department, String departmentName, long lookups) {
    }

    static Double rate(long reported, long needing) {
        return needing == 0 ? null : Math.round(10_000.0 * reported / needing) / 10_000.0;
    }
}
