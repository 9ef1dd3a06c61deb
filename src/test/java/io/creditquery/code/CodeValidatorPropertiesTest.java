package io.creditquery.code;

import io.creditquery.demo.DemoDataGenerator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Properties of code validation over generated inputs: total, stable, and every single-character error caught. */
class CodeValidatorPropertiesTest {

    @Property
    void neverThrowsAndAlwaysExplainsARefusal(@ForAll String anything) {
        CodeCheck check = CodeValidator.check(anything);
        assertNotNull(check.kind());
        assertEquals(check.valid(), check.errors().isEmpty());
    }

    @Property
    void normalisingTwiceChangesNothing(@ForAll String anything) {
        String once = CodeValidator.normalize(anything);
        assertEquals(once, CodeValidator.normalize(once));
    }

    @Property
    void generatedUsccsAreValid(@ForAll @LongRange(min = 0, max = 99_999_999L) long index) {
        assertTrue(CodeValidator.check(DemoDataGenerator.uscc(index, "ENTERPRISE", "370100")).valid());
    }

    /** The mod-31 check catches every substitution of one character by another of the charset. */
    @Property
    void anySingleSubstitutionInAUsccIsCaught(@ForAll @LongRange(min = 0, max = 99_999_999L) long index,
                                              @ForAll @IntRange(min = 0, max = 17) int position,
                                              @ForAll("usccCharacters") char replacement) {
        String code = DemoDataGenerator.uscc(index, "ENTERPRISE", "370100");
        if (code.charAt(position) == replacement) {
            return;
        }
        String changed = code.substring(0, position) + replacement + code.substring(position + 1);
        assertFalse(CodeValidator.check(changed, CodeKind.USCC).valid(), changed);
    }

    @Property
    void lowercaseAndSpacedFormsOfAValidCodeAreTheSameCode(@ForAll @LongRange(min = 0, max = 99_999_999L) long index) {
        String code = DemoDataGenerator.uscc(index, "SOCIAL_ORGANISATION", "110108");
        String typed = " " + code.substring(0, 6).toLowerCase() + " " + code.substring(6) + " ";
        CodeCheck check = CodeValidator.check(typed);
        assertTrue(check.valid(), typed);
        assertEquals(code, check.normalized());
    }

    @Provide
    Arbitrary<Character> usccCharacters() {
        return Arbitraries.of(CodeValidator.USCC_CHARSET.chars().mapToObj(c -> (char) c).toList());
    }
}
