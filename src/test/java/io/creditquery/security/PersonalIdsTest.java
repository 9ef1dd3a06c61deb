package io.creditquery.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What may be a citizen ID is masked wherever a path or a text is kept, however it is spelled (the spellings of the
 * 2026-12-02 privacy review among them); codes of organisations stay readable.
 */
class PersonalIdsTest {

    private static final String ID = "37040019500101063X";
    private static final String MASKED = "3704**********063X";

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/subjects/37040019500101063X", "/api/v1/subjects/37040019500101063X/records",
            "/api/v1/codes/37040019500101063x", "/api/v1/codes/%2037040019500101063X", "/api/v1/codes/3704%200019500101063X",
            "/api/v1/codes/%EF%BC%93704001950010106%EF%BC%93X", "/api/v1/subjects/ID37040019500101063X",
            "/api/v1/subjects/x37040019500101063Xabc", "/api/v1/subjects/370400-19500101063X",
            "/api/v1/subjects/370400.19500101.063X", "/api/v1/subjects/370400/19500101063X",
            "/api/v1/subjects/%EF%BC%93704001950010106%EF%BC%93X.json", "/api/v1/subjects/3704001950010106%33X-a"})
    void pathsKeepNoCitizenIdInClear(String path) {
        String kept = PersonalIds.redactPath(path);
        assertFalse(kept.replaceAll("[^0-9]", "").contains("0019500101"), path + " -> " + kept);
        assertTrue(kept.contains("**********"), path + " -> " + kept);
    }

    @ParameterizedTest
    @ValueSource(strings = {"张三 37040019500101063X 欠薪", "q=37040019500101063x", "id37040019500101063X",
            "370400 19500101063X", "370400\u300019500101063X", "370400-1950-0101-063X", "caseid37040019500101063X",
            "（37040019500101063X）", "370400500101063", "old 370400-500101-063"})
    void textKeepsNoCitizenIdInClear(String text) {
        String kept = PersonalIds.redact(text);
        assertFalse(kept.replaceAll("[^0-9]", "").contains("500101"), text + " -> " + kept);
    }

    @Test
    void theMaskedFormIsTheUsualOne() {
        assertEquals("/api/v1/subjects/" + MASKED, PersonalIds.redactPath("/api/v1/subjects/" + ID));
        assertEquals("/api/v1/subjects/3704**********0631", PersonalIds.redactPath("/api/v1/subjects/370400195001010631"),
                "a mistyped ID is still someone's");
    }

    @Test
    void organisationCodesAndOtherNumbersStayReadable() {
        assertEquals("/api/v1/subjects/91350100M000100Y43", PersonalIds.redactPath("/api/v1/subjects/91350100M000100Y43"));
        // A valid USCC may be all digits; a valid registration number has 15.
        assertEquals("/api/v1/subjects/913701031236943562", PersonalIds.redactPath("/api/v1/subjects/913701031236943562"));
        assertEquals("/api/v1/subjects/370900000111698", PersonalIds.redactPath("/api/v1/subjects/370900000111698"));
        assertEquals("91350100M000100Y43 华信", PersonalIds.redact("91350100M000100Y43 华信"));
        assertEquals("订单1370400195001010630", PersonalIds.redact("订单1370400195001010630"), "inside a longer number");
        assertEquals("2026-11-01T00:00:00+08:00", PersonalIds.redact("2026-11-01T00:00:00+08:00"));
        // Digits of a UUID joined by its hyphens (AuditIT's request ids hit this once in a while)
        assertEquals("route-0b1c2d3e-1234-5678-9012-3456789abcde", PersonalIds.redact("route-0b1c2d3e-1234-5678-9012-3456789abcde"));
        assertEquals("route-3704**********063X", PersonalIds.redact("route-3704-0019-5001-0106-3X"),
                "an ID written in hyphenated groups is still masked");
    }
}
