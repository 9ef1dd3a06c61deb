package io.creditquery.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules file as shipped, driven by a table of facts and the grade and rules they must produce. */
class EvaluationRulesTest {

    static final EvaluationRules RULES = new EvaluationRules(new ObjectMapper().findAndRegisterModules());

    @ParameterizedTest(name = "serious={0} black={1} red={2} penalties={3} broken={4} kept={5} -> {6} {7}")
    @CsvSource({
            "0, 0, 0, 0, 0, 0, A, no-negative-information",
            "0, 0, 1, 0, 0, 0, A, no-negative-information red-list",
            "0, 0, 0, 0, 0, 2, A, no-negative-information kept-commitments",
            "0, 0, 0, 1, 0, 0, B, penalty",
            "0, 0, 1, 2, 0, 0, B, penalty red-list",
            "0, 0, 0, 3, 0, 0, C, repeated-penalties penalty",
            "0, 0, 0, 0, 1, 0, C, broken-commitment",
            "0, 0, 0, 0, 1, 3, C, broken-commitment kept-commitments",
            "0, 1, 0, 0, 0, 0, C, black-list",
            "0, 1, 0, 4, 1, 0, C, black-list repeated-penalties broken-commitment penalty",
            "1, 0, 0, 0, 0, 0, D, serious-black-list",
            "1, 0, 1, 1, 0, 0, D, serious-black-list penalty red-list",
            "2, 1, 0, 0, 0, 0, D, serious-black-list black-list",
    })
    void gradeAndReasons(int serious, int black, int red, int penalties, int broken, int kept, Grade grade,
                         String rules) {
        Evaluation evaluation = RULES.evaluate(new EvaluationFacts(serious, black, red, penalties, broken, kept));
        assertEquals(grade, evaluation.grade());
        assertEquals(grade.label(), evaluation.label());
        assertEquals(List.of(rules.split(" ")), evaluation.reasons().stream().map(Evaluation.Reason::rule).toList());
        assertEquals(RULES.ruleSet().version(), evaluation.ruleVersion());
    }

    @Test
    void listTypesAreCountedBySeverityAndKind() {
        EvaluationFacts facts = RULES.facts(List.of("JUDGMENT_DEFAULTER", "ABNORMAL_OPERATION", "TAX_CREDIT_A"),
                new EvaluationRepository.Counts(2, 0, 1, 0));
        assertEquals(new EvaluationFacts(1, 1, 1, 2, 1, 0), facts);
    }

    @Test
    void aRuleNamingAnUnknownFactStopsTheStart() {
        EvaluationRules.RuleSet broken = new EvaluationRules.RuleSet("x", "2026-01-01", "test",
                RULES.ruleSet().seriousBlackLists(), RULES.ruleSet().baseline(),
                List.of(new EvaluationRules.Rule("typo", "penaltys", 1, Grade.B, "typo", "typo")));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new EvaluationRules(broken));
        assertTrue(e.getMessage().contains("penaltys"), e.getMessage());
    }
}
