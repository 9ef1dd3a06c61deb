package io.creditquery.code;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The code rules against python-stdnum's published vectors (cn.uscc, cn.ric; the numbers are facts, the test is
 * ours), beside a naive baseline that checks only length, alphabet and check character — what the validator did
 * before the division and category rules.
 */
class PublishedVectorsTest {

    /** Valid and invalid citizen IDs of python-stdnum's tests/test_cn_ric.doctest, with why the invalid ones are. */
    private static final Map<String, Boolean> CITIZEN_IDS = Map.ofEntries(
            Map.entry("360426199101010071", true),
            Map.entry("44011320141005001X", true),
            Map.entry("412723199010050012", true),
            Map.entry("110102199101010078", true),
            Map.entry("120110198012010073", true),
            Map.entry("120110199212010072", true),
            Map.entry("990426199112010074", false),   // no such division
            // python-stdnum: invalid, the county did not exist in the birth year. Here: valid — the number can
            // have been given at a later first registration (CodeValidator.divisionAtBirth).
            Map.entry("110111198012010078", true),
            Map.entry("110201199312010077", false),   // the county no longer existed in the birth year
            Map.entry("360426199113010079", false),   // month 13
            Map.entry("36042619910102009X", false));  // check character

    private static List<String> validUsccs() throws IOException {
        try (InputStream in = PublishedVectorsTest.class.getResourceAsStream("/codes/stdnum-uscc-valid.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("#") && !line.isBlank()).toList();
        }
    }

    /** The baseline: 18 characters of the right alphabet and the right check character. */
    private static boolean naive(String code, CodeKind kind) {
        if (kind == CodeKind.USCC) {
            return code.length() == 18 && CodeValidator.usccCheckChar(code) >= 0
                    && code.charAt(17) == CodeValidator.USCC_CHARSET.charAt(CodeValidator.usccCheckChar(code));
        }
        return code.matches("[0-9]{17}[0-9X]") && code.charAt(17) == CodeValidator.citizenIdCheckChar(code);
    }

    @Test
    void everyPublishedValidUsccIsValidAndTakenForAUscc() throws IOException {
        List<String> codes = validUsccs();
        assertEquals(200, codes.size());
        for (String code : codes) {
            CodeCheck check = CodeValidator.check(code);
            assertTrue(check.valid(), code + ": " + check.errors());
            assertEquals(CodeKind.USCC, check.kind(), code);
        }
    }

    @Test
    void citizenIdVectorsAgreeWhereTheBaselineDoesNot() {
        int ours = 0;
        int baseline = 0;
        for (Map.Entry<String, Boolean> vector : CITIZEN_IDS.entrySet()) {
            CodeCheck check = CodeValidator.check(vector.getKey());
            assertEquals(vector.getValue(), check.valid(), vector.getKey() + ": " + check.errors());
            assertEquals(CodeKind.CITIZEN_ID, check.kind(), vector.getKey() + " is what the caller most likely typed");
            ours += check.valid() == vector.getValue() ? 1 : 0;
            baseline += naive(CodeValidator.normalize(vector.getKey()), CodeKind.CITIZEN_ID) == vector.getValue() ? 1 : 0;
        }
        assertEquals(CITIZEN_IDS.size(), ours);
        assertEquals(CITIZEN_IDS.size() - 3, baseline, "the baseline takes the two division cases and month 13 for valid IDs");
    }

    @Test
    void reasonsNameTheDivisionAndTheDate() {
        assertEquals("characters 1-6 (990426): 99 is no province-level division (GB/T 2260)",
                CodeValidator.check("990426199112010074").firstError());
        assertEquals("characters 1-6 (110201) are no administrative division: the code is in no GB/T 2260 list"
                + " (1980–2019) and no current division starts with 1102", CodeValidator.check("110201199312010077").firstError());
        assertEquals("characters 1-6: 370181 (山东省济南市章丘市) was abolished after 2016, before the birth year 2018",
                CodeValidator.check(withCheck("37018120180301001")).firstError());
        assertTrue(CodeValidator.check(withCheck("37011420100301001")).valid(),
                "章丘区 (2016) for a birth in 2010: a late registration gives today's division");
        assertTrue(CodeValidator.check(withCheck("65901020200101001")).valid(),
                "胡杨河市 (659010, December 2019) is in no list, but 6590 is");
        assertTrue(CodeValidator.check(withCheck("81000020050101001")).valid(), "a Hong Kong residence permit");
        assertTrue(CodeValidator.check(withCheck("83000020100101001")).valid(), "a Taiwan residence permit");
        assertEquals("characters 7-14 (19910230) are not a valid birth date: 2/1991 has 28 days, not 30 (characters 13-14)",
                CodeValidator.check(withCheck("36042619910230001")).firstError());
    }

    @Test
    void usccCategoriesAndDivisionsFollowGb32100() {
        String category94 = withUsccCheck("94370100MA3C0000");
        assertTrue(naive(category94, CodeKind.USCC), "the baseline accepts category 4 of 工商");
        CodeCheck check = CodeValidator.check(category94, CodeKind.USCC);
        assertFalse(check.valid());
        assertEquals("character 2 '4' is no category of registration authority 9 (工商: 1, 2, 3)", check.firstError());
        CodeCheck division = CodeValidator.check(withUsccCheck("91990100MA3C0000"), CodeKind.USCC);
        assertFalse(division.valid());
        assertTrue(division.firstError().startsWith("characters 3-8 (990100): 99 is no province-level division"), division.firstError());
        assertTrue(CodeValidator.check(withUsccCheck("11100000MA3C0000"), CodeKind.USCC).valid(),
                "100000: registered at the national level");
        assertTrue(CodeValidator.check(withUsccCheck("91370171MA3C0000"), CodeKind.USCC).valid(),
                "a development zone's code under a listed prefecture (370171, 济南高新区) is not refused");
    }

    @Test
    void divisionsHaveChineseNames() {
        assertEquals("山东省济南市天桥区", AdministrativeDivisions.fullName("370105"));
        assertEquals("北京市西城区", AdministrativeDivisions.fullName("110102"));
        assertEquals("山东省", AdministrativeDivisions.fullName("370000"));
        assertNotNull(AdministrativeDivisions.find("370181"), "abolished divisions stay known (章丘市, until 2016)");
    }

    /** 17 digits and their check character. */
    private static String withCheck(String first17) {
        return first17 + CodeValidator.citizenIdCheckChar(first17);
    }

    /** 16 characters, an organisation-code check character and the USCC check character. */
    private static String withUsccCheck(String first16) {
        String body = first16.substring(8, 16);
        String first17 = first16 + CodeValidator.orgCodeCheckChar(body);
        return first17 + CodeValidator.USCC_CHARSET.charAt(CodeValidator.usccCheckChar(first17));
    }
}
