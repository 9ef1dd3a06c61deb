package io.creditquery.subject;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.creditquery.evaluation.Evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A subject as the caller sees it: registration data, lists in force, counts of records, how many public records are
 * under objection, and the public credit evaluation (computed from public information only, the same for everyone).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubjectProfile(
        String code,
        String subjectType,
        String subjectTypeLabel,
        String name,
        String legalRepresentative,
        OldCodes oldCodes,
        String regionCode,
        String regionName,
        String industryCode,
        String status,
        String statusLabel,
        LocalDate establishedOn,
        BigDecimal registeredCapital,
        String address,
        List<ListBadge> lists,
        Map<String, Long> recordCounts,
        int recordsUnderObjection,
        Evaluation evaluation,
        long version,
        OffsetDateTime updatedAt,
        AsOf asOf) {

    /** A profile of a past date: lists, public record counts and grade on {@code validOn} as known at {@code knownAt}. */
    public record AsOf(LocalDate validOn, OffsetDateTime knownAt) {
    }

    /** Codes from before the unified social credit code that resolve to this subject. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OldCodes(String registrationNo, String orgCode) {
    }

    /**
     * A red or black list entry in force; {@code id} is what an objection or a repair application names;
     * {@code authorityName} the deciding department's name (absent if the department is not in the reference data).
     */
    public record ListBadge(long id, String listType, String label, String kind, String authority, String authorityName,
                            String basis,
                            LocalDate listedOn, LocalDate plannedExitOn, boolean underObjection) {
    }
}
