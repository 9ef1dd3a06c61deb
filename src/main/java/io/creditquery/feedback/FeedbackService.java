package io.creditquery.feedback;

import io.creditquery.common.Cursors;
import io.creditquery.common.FieldChecks;
import io.creditquery.common.ProblemException;
import io.creditquery.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * 联合奖惩反馈: after a check, its department reports what it did with the measures the answer named; a check that
 * named one and has no report after credit.feedback.due-within is overdue. One report per check, never changed.
 */
@ApplicationScoped
public class FeedbackService {

    /** A page of overdue checks, oldest first. */
    public record OverduePage(List<FeedbackRepository.Overdue> items, String nextCursor) {
    }

    private final FeedbackRepository repository;
    private final FeedbackConfig config;
    private final Cursors cursors;

    public FeedbackService(FeedbackRepository repository, FeedbackConfig config, Cursors cursors) {
        this.repository = repository;
        this.config = config;
        this.cursors = cursors;
    }

    public Uni<Feedback> report(UUID id, FeedbackRequest request, Caller caller) {
        if (request == null) {
            throw ProblemException.badRequest("body", "is required: {\"outcome\": …}");
        }
        FieldChecks checks = new FieldChecks();
        FeedbackOutcome outcome = checks.enumValue("outcome", request.outcome(), FeedbackOutcome.class, true);
        String reason = checks.text("reason", request.reason(), outcome == FeedbackOutcome.MEASURE_NOT_APPLIED, 500);
        String caseOutcome = checks.text("caseOutcome", request.caseOutcome(), false, 1000);
        checks.done();
        return owned(id, caller).chain(check -> {
            if (!check.namedMeasure() && outcome == FeedbackOutcome.MEASURE_APPLIED) {
                throw ProblemException.refused("no-measure-named", "outcome",
                        "is MEASURE_APPLIED, but the check named no measure (no black or red list hit)");
            }
            return repository.insert(id, check.department(), caller.actorId(), outcome, reason, caseOutcome)
                    .onItem().ifNull().failWith(() -> ProblemException.conflict("feedback-reported",
                            "the feedback of check " + id + " was already reported; a report is not changed"))
                    .map(reportedAt -> view(id, outcome.name(), reason, caseOutcome, caller.actorId(), reportedAt,
                            check));
        });
    }

    public Uni<Feedback> find(UUID id, Caller caller) {
        return owned(id, caller).chain(check -> repository.find(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("no feedback for check " + id + " yet"))
                .map(stored -> view(id, stored.outcome(), stored.reason(), stored.caseOutcome(), stored.reportedBy(),
                        stored.reportedAt(), check)));
    }

    /** The caller's department's overdue checks (every department's for an admin). */
    public Uni<OverduePage> overdue(Caller caller, boolean everyDepartment, String cursor, int size) {
        String department = everyDepartment ? null : caller.requireDepartment("overdue feedback is listed per department");
        String query = department + "|" + size;
        After after = cursors.position(query, cursor, 2,
                values -> new After(OffsetDateTime.parse(values.get(0)), UUID.fromString(values.get(1))));
        return repository.overdue(department, config.dueWithin(), after == null ? null : after.checkedAt(),
                        after == null ? null : after.id(), size)
                .map(items -> new OverduePage(items, cursors.next(query, items, size,
                        last -> List.of(last.checkedAt().toString(), last.verificationId()))));
    }

    /** The check, if the caller made it (its department's or its own key's); 404 otherwise, as for reading it. */
    private Uni<FeedbackRepository.Check> owned(UUID id, Caller caller) {
        return repository.check(id)
                .map(check -> check != null && caller.ownsCheck(check.department(), check.checkedBy()) ? check : null)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("no verification " + id
                        + " that this caller may read"));
    }

    /** A check that named no measure was never due: it has no due date and is never late. */
    private Feedback view(UUID id, String outcome, String reason, String caseOutcome, String reportedBy,
                          OffsetDateTime reportedAt, FeedbackRepository.Check check) {
        OffsetDateTime dueBy = check.namedMeasure() ? check.checkedAt().plus(config.dueWithin()) : null;
        return new Feedback(id.toString(), outcome, reason, caseOutcome, reportedBy, reportedAt, dueBy,
                dueBy != null && reportedAt.isAfter(dueBy));
    }

    private record After(OffsetDateTime checkedAt, UUID id) {
    }
}
