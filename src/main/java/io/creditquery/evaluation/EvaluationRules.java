package io.creditquery.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditquery.common.Catalogues;
import io.creditquery.list.ListKind;
import io.creditquery.list.ListType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The evaluation rules, kept as data in catalogue/evaluation-rules.json: the grade is the worst grade of any rule
 * whose fact reaches its threshold, the baseline when none does. A rule naming an unknown fact stops the start-up.
 */
@ApplicationScoped
public class EvaluationRules {

    static final String FILE = "catalogue/evaluation-rules.json";

    /** {@code reason} in Chinese (what people read), {@code reasonEn} for English-speaking callers. */
    public record Rule(String id, String fact, int atLeast, Grade grade, String reason, String reasonEn) {
    }

    public record Baseline(String id, Grade grade, String reason, String reasonEn) {
    }

    public record RuleSet(String version, String issued, String source, Set<ListType> seriousBlackLists,
                          Baseline baseline, List<Rule> rules) {
    }

    private final RuleSet rules;

    @Inject
    public EvaluationRules(ObjectMapper json) {
        this(Catalogues.load(json, FILE, RuleSet.class));
    }

    EvaluationRules(RuleSet rules) {
        Set<String> known = new EvaluationFacts(0, 0, 0, 0, 0, 0).byName().keySet();
        for (Rule rule : rules.rules()) {
            if (!known.contains(rule.fact())) {
                throw new IllegalStateException(FILE + ": rule " + rule.id() + " names unknown fact " + rule.fact()
                        + "; known: " + known);
            }
        }
        this.rules = rules;
    }

    public RuleSet ruleSet() {
        return rules;
    }

    /** Facts from the list types in force and the counts of {@link EvaluationSql#COLUMNS}. */
    public EvaluationFacts facts(Collection<String> listTypesInForce, EvaluationRepository.Counts counts) {
        int serious = 0;
        int otherBlack = 0;
        int red = 0;
        for (String name : listTypesInForce) {
            ListType type = ListType.valueOf(name);
            if (type.kind() == ListKind.RED) {
                red++;
            } else if (rules.seriousBlackLists().contains(type)) {
                serious++;
            } else {
                otherBlack++;
            }
        }
        return new EvaluationFacts(serious, otherBlack, red, counts.penalties(), counts.brokenCommitments(),
                counts.keptCommitments());
    }

    public Evaluation evaluate(Collection<String> listTypesInForce, EvaluationRepository.Counts counts) {
        return evaluate(facts(listTypesInForce, counts));
    }

    public Evaluation evaluate(EvaluationFacts facts) {
        Map<String, Integer> values = facts.byName();
        List<Evaluation.Reason> reasons = new ArrayList<>();
        Grade grade = rules.baseline().grade();
        for (Rule rule : rules.rules()) {
            int value = values.get(rule.fact());
            if (value >= rule.atLeast()) {
                reasons.add(new Evaluation.Reason(rule.id(), rule.grade(), rule.reason(), rule.reasonEn(), value));
                if (rule.grade().worseThan(grade)) {
                    grade = rule.grade();
                }
            }
        }
        if (reasons.stream().noneMatch(r -> r.grade().worseThan(rules.baseline().grade()))) {
            reasons.add(0, new Evaluation.Reason(rules.baseline().id(), rules.baseline().grade(),
                    rules.baseline().reason(), rules.baseline().reasonEn(), 0));
        }
        reasons.sort(Comparator.comparing(Evaluation.Reason::grade).reversed());
        return new Evaluation(grade, grade.label(), rules.version(), List.copyOf(reasons));
    }
}
