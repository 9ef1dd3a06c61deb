package io.creditquery.code;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CodeValidatorTest {

    @ParameterizedTest
    @CsvSource({
            "91350100M000100Y43, USCC",
            "91110108551385082Q, USCC",
            "11010519491231002X, CITIZEN_ID",
            "110101199003074477, CITIZEN_ID",
            "M000100Y-4, ORG_CODE",
            "551385082, ORG_CODE",
    })
    void acceptsValidCodes(String code, CodeKind kind) {
        CodeCheck check = CodeValidator.check(code);
        assertEquals(kind, check.kind(), check.toString());
        assertTrue(check.valid(), check.toString());
        assertTrue(check.errors().isEmpty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "91350100M000100Y44 | check character (position 18) should be 3, not 4",
            "9135010IM000100Y43 | character 8 'I' is not allowed (allowed: 0-9 and A-H, J-N, P-R, T, U, W-Y)",
            "913501A0M000100Y43 | characters 3-8 are the administrative division code and must be digits; character 7 is 'A'",
            "91350100M000100Z43 | character 16 'Z' is not allowed (allowed: 0-9 and A-H, J-N, P-R, T, U, W-Y)",
            "110105194912310021 | check character (position 18) should be X, not 1",
            "M000100Y-5 | check character at position 9 should be 4, not 5",
            "1234 | length is 4; expected 18 (unified social credit code or citizen ID), 15 (registration number) or 9 (organisation code)",
    })
    void explainsWhatIsWrong(String code, String reason) {
        CodeCheck check = CodeValidator.check(code);
        assertFalse(check.valid());
        assertEquals(reason, check.firstError());
    }

    @Test
    void organisationCodeInsideUsccIsChecked() {
        // Organisation code M000100Y has check character 4; give it 5 and recompute the USCC check.
        String first17 = "91350100" + "M000100Y5";
        String code = first17 + CodeValidator.USCC_CHARSET.charAt(CodeValidator.usccCheckChar(first17));
        CodeCheck check = CodeValidator.check(code);
        assertFalse(check.valid());
        assertEquals("check character of the organisation code (positions 9-17) at position 17 should be 4, not 5",
                check.firstError());
    }

    @Test
    void normalisesWhatPeopleTypeByAccident() {
        CodeCheck check = CodeValidator.check("  ９１３５０１００ｍ０００１００ｙ４３ ");
        assertTrue(check.valid(), check.toString());
        assertEquals("91350100M000100Y43", check.normalized());
        assertEquals("91350100M000100Y43", CodeValidator.normalize("9135 0100 m000 100y43"));
    }

    @Test
    void registrationNumberUsesMod1110() {
        String first14 = "37010000011169";
        char check = CodeValidator.registrationNoCheckDigit(first14);
        assertTrue(CodeValidator.check(first14 + check).valid());
        char wrong = (char) ('0' + ((check - '0') + 1) % 10);
        CodeCheck bad = CodeValidator.check(first14 + wrong);
        assertEquals(CodeKind.REGISTRATION_NO, bad.kind());
        assertEquals("check digit (position 15) should be " + check + ", not " + wrong, bad.firstError());
    }

    @Test
    void controlCharactersAreNamedByCodePoint() {
        CodeCheck check = CodeValidator.check("91350100M000100\u200BY4");
        assertFalse(check.valid());
        assertEquals("character 16 'U+200B' is not allowed (allowed: 0-9 and A-H, J-N, P-R, T, U, W-Y)",
                check.firstError());
    }

    @Test
    void overlongInputIsRefusedWithoutEchoingIt() {
        CodeCheck check = CodeValidator.check("9".repeat(10_000));
        assertFalse(check.valid());
        assertTrue(check.input().length() < 100);
        assertEquals("code is 10000 characters long; no subject code is longer than 18", check.firstError());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "11010519491231002Y | character 18 'Y' must be a digit or X",
            "110105194913310029 | characters 7-14 (19491331) are not a valid birth date: there is no month 13 (characters 11-12)",
            "11010519491231A02X | character 15 'A' must be a digit",
    })
    void explainsWhatIsWrongWithACitizenId(String code, String reason) {
        CodeCheck check = CodeValidator.check(code, CodeKind.CITIZEN_ID);
        assertFalse(check.valid());
        assertEquals(reason, check.firstError());
    }

    @Test
    void explicitKindSettlesAmbiguity() {
        CodeCheck asUscc = CodeValidator.check("11010519491231002X", CodeKind.USCC);
        assertEquals(CodeKind.USCC, asUscc.kind());
        assertFalse(asUscc.valid());
    }
}
