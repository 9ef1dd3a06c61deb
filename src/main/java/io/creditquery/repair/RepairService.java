package io.creditquery.repair;

import io.creditquery.commitment.CommitmentService;
import io.creditquery.commitment.CommitmentType;
import io.creditquery.common.FieldChecks;
import io.creditquery.common.PgErrors;
import io.creditquery.common.ProblemException;
import io.creditquery.common.TrackingIds;
import io.creditquery.common.WorkingCalendar;
import io.creditquery.record.RecordStatus;
import io.creditquery.record.Target;
import io.creditquery.record.TargetRepository;
import io.creditquery.security.CallerView;
import io.creditquery.subject.SubjectChanges;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.List;

/**
 * Credit repair (信用修复): the subject applies for a record or list entry the rules allow, with its commitment; the
 * owning department decides. An approved repair takes the information out of public view, search, caches, checks
 * and the grade before the decision is acknowledged; the record stays archived for the subject and auditors.
 */
@ApplicationScoped
public class RepairService {

    static final String PREFIX = "XF";

    private final Pool pool;
    private final RepairRepository repairs;
    private final TargetRepository targets;
    private final RepairRules rules;
    private final CommitmentService commitments;
    private final SubjectChanges changes;
    private final WorkingCalendar calendar;

    public RepairService(Pool pool, RepairRepository repairs, TargetRepository targets, RepairRules rules,
                         CommitmentService commitments, SubjectChanges changes, WorkingCalendar calendar) {
        this.pool = pool;
        this.repairs = repairs;
        this.targets = targets;
        this.rules = rules;
        this.commitments = commitments;
        this.changes = changes;
        this.calendar = calendar;
    }

    public Uni<RepairView> apply(RepairRequest request, CallerView caller, String applicant) {
        if (caller.kind() != CallerView.Kind.SELF) {
            throw ProblemException.forbidden("credit repair is applied for by the subject itself: a token whose sub is"
                    + " its USCC or citizen ID");
        }
        if (request == null) {
            throw ProblemException.badRequest("body", "is required: {\"recordId\" or \"listEntryId\", \"reason\","
                    + " \"finePaid\", \"commitment\"}");
        }
        FieldChecks checks = new FieldChecks();
        Target.Kind kind = Target.requested(checks, request.recordId(), request.listEntryId());
        String reason = checks.text("reason", request.reason(), true, 2000);
        checks.require(request.finePaid() != null, "finePaid", "is required: true once the fine and other legal"
                + " obligations are met, false otherwise");
        String payment = checks.text("paymentReference", request.paymentReference(), false, 100);
        String commitment = checks.text("commitment", request.commitment(), true, 4000);
        checks.require(commitment == null || commitment.length() >= 10, "commitment",
                "must state in at least 10 characters what the subject commits to (信用修复承诺)");
        checks.done();
        long targetId = kind == Target.Kind.RECORD ? request.recordId() : request.listEntryId();
        String id = TrackingIds.next(PREFIX);
        String commitmentId = TrackingIds.next("CN");
        LocalDate today = LocalDate.now();
        return pool.withTransaction(connection -> targets.lock(connection, kind, targetId).chain(target -> {
                    if (target == null || !target.subjectKey().equals(caller.subjectKey())) {
                        throw ProblemException.notFound("no " + kind.label() + " " + targetId + " of this subject");
                    }
                    refuseUnlessInForce(target);
                    RepairRules.Eligibility eligibility = rules.eligibility(target, today);
                    if (!eligibility.eligible()) {
                        throw ProblemException.refused("not-eligible", kind == Target.Kind.RECORD ? "recordId"
                                : "listEntryId", eligibility.reason());
                    }
                    if (eligibility.finePaidRequired() && !request.finePaid()) {
                        throw ProblemException.refused("not-eligible", "finePaid", "the fine must be paid before a "
                                + "penalty can be repaired");
                    }
                    return commitments.create(connection, commitmentId, target.subjectId(), target.department(),
                                    CommitmentType.CREDIT_REPAIR, commitment, today, today.plusYears(1))
                            .chain(() -> repairs.insert(connection, id, target, applicant, reason, request.finePaid(),
                                    payment, commitmentId, calendar.plusWorkingDays(today, rules.decisionWorkingDays())));
                }))
                .onFailure(PgErrors::isUniqueViolation).transform(e -> ProblemException.conflict(
                        "repair-pending", "a repair application for " + kind.label() + " " + targetId
                                + " is already pending"))
                .chain(() -> repairs.find(id)).map(RepairRepository.Found::view);
    }

    public Uni<RepairView> decide(String id, RepairDecision decision, String department, String handler) {
        requireId(id);
        if (decision == null) {
            throw ProblemException.badRequest("body", "is required: {\"decision\": APPROVE|REJECT, \"note\": …}");
        }
        FieldChecks checks = new FieldChecks();
        RepairDecision.Kind kind = checks.enumValue("decision", decision.decision(), RepairDecision.Kind.class, true);
        String note = checks.text("note", decision.note(), kind == RepairDecision.Kind.REJECT, 2000);
        checks.done();
        return pool.withTransaction(connection -> repairs.lock(connection, id).chain(pending -> {
                    if (pending == null || !pending.department().equals(department)) {
                        throw ProblemException.notFound("no repair application " + id + " to " + department);
                    }
                    if (!pending.status().equals("PENDING")) {
                        throw ProblemException.conflict("repair-decided", "repair application " + id
                                + " was already decided: " + pending.status());
                    }
                    if (kind == RepairDecision.Kind.REJECT) {
                        return repairs.decide(connection, id, "REJECTED", note, handler)
                                .replaceWith((SubjectChanges.Changed) null);
                    }
                    return targets.lock(connection, pending.kind(), pending.targetId()).chain(target -> {
                        refuseUnlessInForce(target);
                        Uni<Void> repaired = target.kind() == Target.Kind.RECORD
                                ? targets.status(connection, target, RecordStatus.REPAIRED.name())
                                : targets.exitByRepair(connection, target);
                        return repaired.chain(() -> repairs.decide(connection, id, "APPROVED", note, handler))
                                .chain(() -> changes.touch(connection, target.subjectId()));
                    });
                }))
                .call(changed -> changed == null ? Uni.createFrom().voidItem() : changes.publish(changed))
                .chain(() -> repairs.find(id)).map(RepairRepository.Found::view);
    }

    /** For the subject that applied and the department deciding it. */
    public Uni<RepairView> find(String id, String department, String subjectKey) {
        requireId(id);
        return repairs.find(id).map(found -> found != null && (found.view().department().equals(department)
                        || found.subjectKey().equals(subjectKey)) ? found.view() : null)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("no repair application " + id
                        + " that this caller may read"));
    }

    public Uni<List<RepairView>> list(String department, String subjectKey, String status, int size) {
        return repairs.list(department, subjectKey, status, size);
    }

    private static void refuseUnlessInForce(Target target) {
        if (RecordStatus.UNDER_OBJECTION.name().equals(target.status())) {
            throw ProblemException.conflict("objection-open", target.kind().label() + " " + target.id()
                    + " is under objection; the objection is decided first");
        }
        if (!RecordStatus.ACTIVE.name().equals(target.status()) || !target.inPublicView()) {
            throw ProblemException.conflict("not-in-force", target.kind().label() + " " + target.id()
                    + " is no longer in public view (" + target.status() + "); there is nothing to repair");
        }
    }

    private static void requireId(String id) {
        TrackingIds.require("id", PREFIX, id, "a repair application id");
    }
}
