package io.creditquery.support;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Well-formed NDJSON ingest lines as typed values, written by Jackson: component names are the wire field names
 * {@code io.creditquery.ingest.IngestLineParser} reads, and absent (null) fields are left out of the line. Lines a
 * test means to be malformed, or that carry exotic text on purpose, stay hand-typed where they are used.
 */
public final class IngestLines {

    /** Decimals (registeredCapital) as written, never in exponent form. */
    private static final ObjectMapper JSON = JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    private IngestLines() {
    }

    /** One line of any kind. */
    public sealed interface Line permits Subject, Record, ListEntry {

        /** The JSON text of the line, without a line break. */
        default String line() {
            try {
                return JSON.writeValueAsString(this);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The lines' texts, in order. */
    public static List<String> lines(Line... lines) {
        return Arrays.stream(lines).map(Line::line).toList();
    }

    // ---- subjects ----

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Subject(String type, String code, String name, String legalRepresentative, String registrationNo,
                          String regionCode, String industryCode, String address, String status, String establishedOn,
                          BigDecimal registeredCapital) implements Line {

        public Subject withType(String type) {
            return new Subject(type, code, name, legalRepresentative, registrationNo, regionCode, industryCode, address,
                    status, establishedOn, registeredCapital);
        }

        public Subject withName(String name) {
            return new Subject(type, code, name, legalRepresentative, registrationNo, regionCode, industryCode, address,
                    status, establishedOn, registeredCapital);
        }

        public Subject withLegalRepresentative(String legalRepresentative) {
            return new Subject(type, code, name, legalRepresentative, registrationNo, regionCode, industryCode, address,
                    status, establishedOn, registeredCapital);
        }

        public Subject withRegistrationNo(String registrationNo) {
            return new Subject(type, code, name, legalRepresentative, registrationNo, regionCode, industryCode, address,
                    status, establishedOn, registeredCapital);
        }

        public Subject withRegionCode(String regionCode) {
            return new Subject(type, code, name, legalRepresentative, registrationNo, regionCode, industryCode, address,
                    status, establishedOn, registeredCapital);
        }

        public Subject withIndustryCode(String industryCode) {
            return new Subject(type, code, name, legalRepresentative, registrationNo, regionCode, industryCode, address,
                    status, establishedOn, registeredCapital);
        }

        public Subject withAddress(String address) {
            return new Subject(type, code, name, legalRepresentative, registrationNo, regionCode, industryCode, address,
                    status, establishedOn, registeredCapital);
        }

        public Subject withStatus(String status) {
            return new Subject(type, code, name, legalRepresentative, registrationNo, regionCode, industryCode, address,
                    status, establishedOn, registeredCapital);
        }

        public Subject withEstablishedOn(String establishedOn) {
            return new Subject(type, code, name, legalRepresentative, registrationNo, regionCode, industryCode, address,
                    status, establishedOn, registeredCapital);
        }

        public Subject withRegisteredCapital(BigDecimal registeredCapital) {
            return new Subject(type, code, name, legalRepresentative, registrationNo, regionCode, industryCode, address,
                    status, establishedOn, registeredCapital);
        }
    }

    /** {@code {"type":…,"code":…,"name":…}} and nothing else. */
    public static Subject subject(String type, String code, String name) {
        return new Subject(type, code, name, null, null, null, null, null, null, null, null);
    }

    /** {@code {"type":"ENTERPRISE","code":…,"name":…}}. */
    public static Subject enterprise(String code, String name) {
        return subject("ENTERPRISE", code, name);
    }

    /** {@code {"type":"NATURAL_PERSON","code":…,"name":…}}. */
    public static Subject person(String citizenId, String name) {
        return subject("NATURAL_PERSON", citizenId, name);
    }

    // ---- records ----

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Record(String subjectCode, String category, String sourceDept, String sourceDocNo,
                         String decisionDate, String title, Map<String, Object> content, String classification,
                         String publicityUntil, String status) implements Line {

        public Record withCategory(String category) {
            return new Record(subjectCode, category, sourceDept, sourceDocNo, decisionDate, title, content,
                    classification, publicityUntil, status);
        }

        public Record withSourceDept(String sourceDept) {
            return new Record(subjectCode, category, sourceDept, sourceDocNo, decisionDate, title, content,
                    classification, publicityUntil, status);
        }

        public Record withDecisionDate(String decisionDate) {
            return new Record(subjectCode, category, sourceDept, sourceDocNo, decisionDate, title, content,
                    classification, publicityUntil, status);
        }

        public Record withTitle(String title) {
            return new Record(subjectCode, category, sourceDept, sourceDocNo, decisionDate, title, content,
                    classification, publicityUntil, status);
        }

        /** The content object, or null to leave the field out. */
        public Record withContent(Map<String, Object> content) {
            return new Record(subjectCode, category, sourceDept, sourceDocNo, decisionDate, title,
                    content == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(content)),
                    classification, publicityUntil, status);
        }

        /** A content object of one field. */
        public Record withContent(String field, Object value) {
            Map<String, Object> content = new LinkedHashMap<>();
            content.put(field, value);
            return withContent(content);
        }

        /** The classification, or null to leave the field out (the parser then takes PUBLIC). */
        public Record withClassification(String classification) {
            return new Record(subjectCode, category, sourceDept, sourceDocNo, decisionDate, title, content,
                    classification, publicityUntil, status);
        }

        public Record withPublicityUntil(String publicityUntil) {
            return new Record(subjectCode, category, sourceDept, sourceDocNo, decisionDate, title, content,
                    classification, publicityUntil, status);
        }

        public Record withStatus(String status) {
            return new Record(subjectCode, category, sourceDept, sourceDocNo, decisionDate, title, content,
                    classification, publicityUntil, status);
        }
    }

    /**
     * A record of 370100-SCJ decided 2026-11-02, titled by its document number, with empty content, PUBLIC, no
     * publicity end and no status.
     */
    public static Record record(String subjectCode, String category, String sourceDocNo) {
        return new Record(subjectCode, category, "370100-SCJ", sourceDocNo, "2026-11-02", sourceDocNo, Map.of(),
                "PUBLIC", null, null);
    }

    /** {@link #record} of category ADMIN_PENALTY. */
    public static Record penalty(String subjectCode, String sourceDocNo) {
        return record(subjectCode, "ADMIN_PENALTY", sourceDocNo);
    }

    /** {@link #record} of category ADMIN_LICENSE. */
    public static Record license(String subjectCode, String sourceDocNo) {
        return record(subjectCode, "ADMIN_LICENSE", sourceDocNo);
    }

    // ---- list entries ----

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ListEntry(String subjectCode, String listType, String authority, String decisionNo, String basis,
                            String listedOn, String plannedExitOn, String exitedOn, String exitReason) implements Line {

        public ListEntry withAuthority(String authority) {
            return new ListEntry(subjectCode, listType, authority, decisionNo, basis, listedOn, plannedExitOn, exitedOn,
                    exitReason);
        }

        public ListEntry withBasis(String basis) {
            return new ListEntry(subjectCode, listType, authority, decisionNo, basis, listedOn, plannedExitOn, exitedOn,
                    exitReason);
        }

        public ListEntry withListedOn(String listedOn) {
            return new ListEntry(subjectCode, listType, authority, decisionNo, basis, listedOn, plannedExitOn, exitedOn,
                    exitReason);
        }

        public ListEntry withPlannedExitOn(String plannedExitOn) {
            return new ListEntry(subjectCode, listType, authority, decisionNo, basis, listedOn, plannedExitOn, exitedOn,
                    exitReason);
        }

        /** Exited on that day for that reason (both null: not exited). */
        public ListEntry withExit(String exitedOn, String exitReason) {
            return new ListEntry(subjectCode, listType, authority, decisionNo, basis, listedOn, plannedExitOn, exitedOn,
                    exitReason);
        }
    }

    /** An entry by 370000-SCJ on the basis 依法认定, listed on 2025-01-02, with no planned or actual exit. */
    public static ListEntry listing(String subjectCode, String listType, String decisionNo) {
        return new ListEntry(subjectCode, listType, "370000-SCJ", decisionNo, "依法认定", "2025-01-02", null, null, null);
    }
}
