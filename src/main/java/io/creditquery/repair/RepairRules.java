package io.creditquery.repair;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditquery.common.Catalogues;
import io.creditquery.list.ListType;
import io.creditquery.record.RecordCategory;
import io.creditquery.record.Target;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Which records and list entries may be repaired, and from when (catalogue/repair-rules.json): a minimum public period
 * after the decision or listing, longer for serious penalties, and for penalties that the fine is paid. What the
 * file does not name (court defaulters, major tax violations) leaves public view by its own procedure, not here.
 */
@ApplicationScoped
public class RepairRules {

    static final String FILE = "catalogue/repair-rules.json";

    public record RecordRule(RecordCategory category, int minimumMonths, int seriousMinimumMonths,
                             List<String> seriousPenaltyTypes, boolean finePaidRequired) {
    }

    public record ListRule(ListType listType, int minimumMonths) {
    }

    public record RuleSet(String version, String issued, String source, int decisionWorkingDays,
                          List<RecordRule> records, List<ListRule> lists) {
    }

    /** Whether a target may be repaired now; if not, why. */
    public record Eligibility(boolean eligible, String reason, LocalDate from, boolean finePaidRequired) {
    }

    private final RuleSet rules;

    @Inject
    public RepairRules(ObjectMapper json) {
        this(Catalogues.load(json, FILE, RuleSet.class));
    }

    RepairRules(RuleSet rules) {
        this.rules = rules;
    }

    public int decisionWorkingDays() {
        return rules.decisionWorkingDays();
    }

    public Eligibility eligibility(Target target, LocalDate today) {
        if (target.kind() == Target.Kind.RECORD) {
            Optional<RecordRule> rule = rules.records().stream()
                    .filter(r -> r.category().name().equals(target.category())).findFirst();
            if (rule.isEmpty()) {
                return refused("records of category " + target.category() + " are not repaired on this platform");
            }
            if (!"PUBLIC".equals(target.classification())) {
                return refused("only publicly shown records are repaired; this one is " + target.classification());
            }
            boolean serious = target.penaltyType() != null && rule.get().seriousPenaltyTypes().stream()
                    .anyMatch(target.penaltyType()::contains);
            int months = serious ? rule.get().seriousMinimumMonths() : rule.get().minimumMonths();
            return fromDate(target.since().plusMonths(months), today, months + " months for "
                    + (serious ? "serious" : "general") + " " + target.category() + " records",
                    rule.get().finePaidRequired());
        }
        Optional<ListRule> rule = rules.lists().stream()
                .filter(r -> r.listType().name().equals(target.category())).findFirst();
        if (rule.isEmpty()) {
            return refused("entries of list " + target.category() + " end by the listing authority's own procedure,"
                    + " not by repair on this platform");
        }
        return fromDate(target.since().plusMonths(rule.get().minimumMonths()), today,
                rule.get().minimumMonths() + " months on list " + target.category(), false);
    }

    private static Eligibility fromDate(LocalDate from, LocalDate today, String period, boolean finePaidRequired) {
        if (today.isBefore(from)) {
            return new Eligibility(false, "may be repaired from " + from + " (minimum public period of " + period + ")",
                    from, finePaidRequired);
        }
        return new Eligibility(true, null, from, finePaidRequired);
    }

    private static Eligibility refused(String reason) {
        return new Eligibility(false, reason, null, false);
    }
}
