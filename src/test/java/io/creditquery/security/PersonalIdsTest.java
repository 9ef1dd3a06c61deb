package io.creditquery.security;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** What may be a citizen ID is masked wherever a path or a text is kept; codes of organisations are not. */
class PersonalIdsTest {

    private static final String ID = "37040019500101063X";
    private static final String MASKED = "3704**********063X";

    @Test
    void pathsKeepEveryCitizenIdMaskedWhateverItsSpelling() {
        assertEquals("/api/v1/subjects/" + MASKED, PersonalIds.redactPath("/api/v1/subjects/" + ID));
        assertEquals("/api/v1/subjects/" + MASKED + "/records", PersonalIds.redactPath("/api/v1/subjects/" + ID + "/records"));
        assertEquals("/api/v1/codes/" + MASKED, PersonalIds.redactPath("/api/v1/codes/" + ID.toLowerCase()));
        assertEquals("/api/v1/codes/" + MASKED, PersonalIds.redactPath("/api/v1/codes/%20" + ID));
        assertEquals("/api/v1/codes/" + MASKED, PersonalIds.redactPath("/api/v1/codes/3704%200019500101063X"));
        assertEquals("/api/v1/codes/" + MASKED, PersonalIds.redactPath("/api/v1/codes/%EF%BC%93704001950010106%EF%BC%93X"));
        // A mistyped ID (wrong check character) is still someone's.
        assertEquals("/api/v1/subjects/3704**********0631", PersonalIds.redactPath("/api/v1/subjects/370400195001010631"));
    }

    @Test
    void organisationCodesStayReadable() {
        assertEquals("/api/v1/subjects/91350100M000100Y43", PersonalIds.redactPath("/api/v1/subjects/91350100M000100Y43"));
        // A valid USCC may be all digits.
        assertEquals("/api/v1/subjects/913701031236943562", PersonalIds.redactPath("/api/v1/subjects/913701031236943562"));
        assertEquals("/api/v1/subjects/370900000111698", PersonalIds.redactPath("/api/v1/subjects/370900000111698"));
    }

    @Test
    void textKeepsCitizenIdsMaskedAndEverythingElse() {
        assertEquals("张三 " + MASKED + " 欠薪", PersonalIds.redact("张三 " + ID + " 欠薪"));
        assertEquals("q=" + MASKED, PersonalIds.redact("q=" + ID.toLowerCase()));
        assertEquals("91350100M000100Y43 华信", PersonalIds.redact("91350100M000100Y43 华信"));
        assertEquals("订单1370400195001010630", PersonalIds.redact("订单1370400195001010630"), "inside a longer number: not an ID");
        assertFalse(PersonalIds.redact("（" + ID + "）").contains(ID));
    }
}
