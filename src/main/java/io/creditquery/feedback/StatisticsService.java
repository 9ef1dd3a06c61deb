package io.creditquery.feedback;

import io.creditquery.code.AdministrativeDivisions;
import io.creditquery.common.ProblemException;
import io.creditquery.record.DepartmentNames;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.OffsetDateTime;

/** Usage of the platform over a period (跟踪问效): read from the stored checks, their feedback and the audit log. */
@ApplicationScoped
public class StatisticsService {

    /** A period longer than this would make one request read years of checks; ask for it in parts. */
    static final Duration MAX_PERIOD = Duration.ofDays(3 * 366);

    private final StatisticsRepository repository;
    private final DepartmentNames departments;

    public StatisticsService(StatisticsRepository repository, DepartmentNames departments) {
        this.repository = repository;
        this.departments = departments;
    }

    /** {@code from}/{@code to}: null for the last twelve months up to now. */
    public Uni<Statistics> statistics(OffsetDateTime from, OffsetDateTime to, String department) {
        OffsetDateTime end = to == null ? OffsetDateTime.now() : to;
        OffsetDateTime start = from == null ? end.minusMonths(12) : from;
        if (!end.isAfter(start)) {
            throw ProblemException.badRequest("to", "is not after from");
        }
        if (Duration.between(start, end).compareTo(MAX_PERIOD) > 0) {
            throw ProblemException.badRequest("from", "starts more than three years before to; ask for a shorter period");
        }
        return repository.checks(start, end, department).chain(checks -> repository.lookups(start, end, department)
                .map(lookups -> {
                    long codes = 0, needing = 0, reported = 0, applied = 0, checked = 0, looked = 0;
                    var rows = new java.util.ArrayList<Statistics.Checks>();
                    for (StatisticsRepository.ChecksRow c : checks) {
                        rows.add(new Statistics.Checks(c.month(), c.department(), departments.name(c.department()),
                                c.region(), AdministrativeDivisions.fullName(c.region()), c.scenario(), c.checks(),
                                c.codes(), new Statistics.Verdicts(c.block(), c.caution(), c.reward(), c.clear(),
                                c.unknown(), c.invalid()), c.needingFeedback(), c.feedbackReported(),
                                Statistics.rate(c.feedbackReported(), c.needingFeedback()), c.measuresApplied()));
                        checked += c.checks();
                        codes += c.codes();
                        needing += c.needingFeedback();
                        reported += c.feedbackReported();
                        applied += c.measuresApplied();
                    }
                    var lookupRows = new java.util.ArrayList<Statistics.Lookups>();
                    for (StatisticsRepository.LookupsRow l : lookups) {
                        lookupRows.add(new Statistics.Lookups(l.month(), l.department(), departments.name(l.department()),
                                l.lookups()));
                        looked += l.lookups();
                    }
                    return new Statistics(start, end, new Statistics.Totals(checked, codes, needing, reported,
                            Statistics.rate(reported, needing), applied, looked), rows, lookupRows);
                }));
    }
}
