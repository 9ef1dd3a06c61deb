package io.creditquery.demo;

import io.creditquery.code.CodeCheck;
import io.creditquery.code.CodeKind;
import io.creditquery.code.CodeValidator;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoDataGeneratorTest {

    private final DemoDataGenerator generator = new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED);

    @Test
    void subjectIDependsOnlyOnSeedAndIndex() {
        DemoDataGenerator.GeneratedSubject first = generator.subject(4242);
        DemoDataGenerator.GeneratedSubject again = new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED).subject(4242);
        assertEquals(first, again);
        assertNotEquals(first.subjectLine(), new DemoDataGenerator(7).subject(4242).subjectLine());
    }

    @Test
    void everyCodeIsValidAndUnique() {
        Set<String> codes = new HashSet<>();
        Set<String> registrationNos = new HashSet<>();
        Map<String, Integer> types = new HashMap<>();
        int records = 0;
        int listed = 0;
        for (long i = 0; i < 50_000; i++) {
            DemoDataGenerator.GeneratedSubject s = generator.subject(i);
            CodeCheck check = CodeValidator.check(s.code());
            CodeKind expected = s.type().equals("NATURAL_PERSON") ? CodeKind.CITIZEN_ID : CodeKind.USCC;
            assertEquals(expected, check.kind(), s.code());
            assertTrue(check.valid(), s.code() + " " + check.errors());
            assertTrue(codes.add(s.code()), "duplicate code " + s.code());
            if (s.registrationNo() != null) {
                assertTrue(CodeValidator.check(s.registrationNo()).valid(), s.registrationNo());
                assertTrue(registrationNos.add(s.registrationNo()), "duplicate registration no " + s.registrationNo());
            }
            types.merge(s.type(), 1, Integer::sum);
            records += s.recordLines().size();
            listed += s.listEntryLines().isEmpty() ? 0 : 1;
        }
        assertTrue(types.get("ENTERPRISE") > 30_000, types.toString());
        assertTrue(types.get("NATURAL_PERSON") > 500, types.toString());
        assertTrue(records > 50_000 && records < 150_000, "records " + records);
        assertTrue(listed > 1_000 && listed < 5_000, "listed " + listed);
    }

    @Test
    void tradeNamesRepeatAcrossRegions() {
        Map<String, Set<String>> citiesByTrade = new HashMap<>();
        for (long i = 0; i < 5_000; i++) {
            DemoDataGenerator.GeneratedSubject s = generator.subject(i);
            citiesByTrade.computeIfAbsent(s.tradeName(), t -> new HashSet<>()).add(s.cityName());
        }
        assertTrue(citiesByTrade.values().stream().anyMatch(cities -> cities.size() >= 3));
    }
}
