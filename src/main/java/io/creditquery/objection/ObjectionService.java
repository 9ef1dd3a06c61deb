package io.creditquery.objection;

import io.creditquery.common.FieldChecks;
import io.creditquery.common.FieldError;
import io.creditquery.common.PgErrors;
import io.creditquery.common.Problem;
import io.creditquery.common.ProblemException;
import io.creditquery.common.TrackingIds;
import io.creditquery.common.WorkingCalendar;
import io.creditquery.record.RecordStatus;
import io.creditquery.record.Target;
import io.creditquery.record.TargetCorrection;
import io.creditquery.record.TargetRepository;
import io.creditquery.security.CallerView;
import io.creditquery.subject.SubjectChanges;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Objections (异议): filing flags the record or list entry UNDER_OBJECTION in the same transaction, and the change is
 * published to the cache and the index before the filer gets the tracking id, so every read path shows the flag
 * from the next request on. The owning department accepts, rejects, corrects or deletes within the deadline.
 */
@ApplicationScoped
public class ObjectionService {

    static final String PREFIX = "YY";
    static final int MAX_ATTACHMENTS = 10;
    static final long MAX_ATTACHMENT_BYTES = 20L * 1024 * 1024;
    static final Set<String> ATTACHMENT_TYPES = Set.of("application/pdf", "image/jpeg", "image/png",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/ofd");
    private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[A-Za-z]{2,}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    private final Pool pool;
    private final ObjectionRepository objections;
    private final TargetRepository targets;
    private final SubjectChanges changes;
    private final WorkingCalendar calendar;
    private final ObjectionConfig config;

    public ObjectionService(Pool pool, ObjectionRepository objections, TargetRepository targets,
                            SubjectChanges changes, ObjectionConfig config, WorkingCalendar calendar) {
        this.pool = pool;
        this.objections = objections;
        this.targets = targets;
        this.changes = changes;
        this.config = config;
        this.calendar = calendar;
    }

    private record Filed(String id, SubjectChanges.Changed changed) {
    }

    /** Files an objection; {@code filerId} is the token subject or API client, null for anonymous filers. */
    public Uni<ObjectionView> file(ObjectionRequest request, CallerView caller, String filerId) {
        if (request == null) {
            throw ProblemException.badRequest("body", "is required: {\"recordId\" or \"listEntryId\", \"reason\", …}");
        }
        FieldChecks checks = new FieldChecks();
        Target.Kind kind = Target.requested(checks, request.recordId(), request.listEntryId());
        String reason = checks.text("reason", request.reason(), true, 2000);
        checks.require(reason == null || reason.length() >= 5, "reason", "must say in at least 5 characters what is wrong");
        boolean publicFiler = caller.kind() == CallerView.Kind.PUBLIC;
        String filerName = checks.text("filerName", request.filerName(), publicFiler, 100);
        String contact = checks.text("contact", request.contact(), publicFiler, 200);
        if (contact != null) {
            checks.require(PHONE.matcher(contact).matches() || EMAIL.matcher(contact).matches(), "contact",
                    "must be a mobile or landline number or an e-mail address where the department can reach the filer");
        }
        checkAttachments(checks, request.attachments());
        checks.done();
        List<ObjectionRequest.Attachment> attachments = request.attachments() == null ? List.of()
                : request.attachments().stream().map(a -> new ObjectionRequest.Attachment(a.name().strip(),
                        a.mediaType(), a.size(), a.sha256().toLowerCase(Locale.ROOT))).toList();
        long targetId = kind == Target.Kind.RECORD ? request.recordId() : request.listEntryId();
        String trackingId = TrackingIds.next(PREFIX);
        LocalDate dueOn = calendar.plusWorkingDays(LocalDate.now(), config.deadlineWorkingDays());
        return pool.withTransaction(connection -> targets.lock(connection, kind, targetId).chain(target -> {
                    if (target == null || !mayObject(caller, target)) {
                        throw ProblemException.notFound("no " + kind.label() + " " + targetId + " that this caller may see");
                    }
                    return (contact == null ? Uni.createFrom().item(0L) : objections.openWithContact(connection, contact))
                            .chain(open -> {
                                if (open >= config.openPerContact()) {
                                    throw new ProblemException(Problem.of(429, "objection-limit", "contact: has "
                                            + open + " objections open already; at most " + config.openPerContact()
                                            + " at a time", List.of(new FieldError("contact", "has " + open
                                            + " objections open; at most " + config.openPerContact()))));
                                }
                                return objections.heard(connection, target);
                            })
                            .chain(heard -> {
                                // The first objection holds the information (and its repair) until decided; after a
                                // rejection, objections need new grounds and no longer hold anything.
                                boolean blocks = !heard.any();
                                if (!blocks) {
                                    requireNewGrounds(heard, reason, attachments, kind, targetId);
                                } else if (RecordStatus.UNDER_OBJECTION.name().equals(target.status())) {
                                    throw ProblemException.conflict("objection-open", "an objection against "
                                            + kind.label() + " " + targetId + " is already being handled by "
                                            + target.department());
                                }
                                if (!inForce(target)) {
                                    throw ProblemException.conflict("not-in-force", kind.label() + " " + targetId
                                            + " is " + target.status() + "; only information in force can be objected to");
                                }
                                Uni<Void> filed = objections.insert(connection, trackingId, target,
                                        caller.kind() == CallerView.Kind.SELF ? "SUBJECT" : caller.kind().name(), filerId,
                                        filerName, contact, reason, attachments, dueOn, blocks);
                                return blocks ? filed.chain(() -> targets.status(connection, target,
                                                RecordStatus.UNDER_OBJECTION.name()))
                                        .chain(() -> changes.touch(connection, target.subjectId()))
                                        : filed.replaceWith((SubjectChanges.Changed) null);
                            });
                }).map(changed -> new Filed(trackingId, changed)))
                .onFailure(PgErrors::isUniqueViolation).transform(e -> ProblemException.conflict(
                        "objection-open", "an objection against " + kind.label() + " " + targetId
                                + " is already being handled"))
                .call(filed -> filed.changed() == null ? Uni.createFrom().voidItem() : changes.publish(filed.changed()))
                .chain(filed -> objections.find(filed.id()))
                .map(ObjectionView::forFiler);
    }

    /** The objection by tracking id: in full for the department handling it, without filer details for others. */
    public Uni<ObjectionView> find(String trackingId, String department) {
        TrackingIds.require("trackingId", PREFIX, trackingId, "an objection tracking id");
        return objections.find(trackingId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("no objection " + trackingId))
                .map(view -> Objects.equals(view.department(), department) ? view : view.forFiler());
    }

    private record Decided(SubjectChanges.Changed changed) {
    }

    /** A decision of the owning department; returns the objection as that department sees it. */
    public Uni<ObjectionView> decide(String trackingId, ObjectionDecision decision, String department, String handler) {
        TrackingIds.require("trackingId", PREFIX, trackingId, "an objection tracking id");
        if (decision == null) {
            throw ProblemException.badRequest("body", "is required: {\"decision\": ACCEPT|REJECT|CORRECT|DELETE, \"note\": …}");
        }
        FieldChecks checks = new FieldChecks();
        ObjectionDecision.Kind kind = checks.enumValue("decision", decision.decision(), ObjectionDecision.Kind.class, true);
        String note = checks.text("note", decision.note(), kind != null && kind != ObjectionDecision.Kind.ACCEPT, 2000);
        checks.require(kind == ObjectionDecision.Kind.CORRECT || decision.correction() == null, "correction",
                "is only for decision CORRECT");
        TargetCorrection correction = kind == ObjectionDecision.Kind.CORRECT
                ? Corrections.check(checks, decision.correction()) : null;
        checks.done();
        return pool.withTransaction(connection -> objections.lock(connection, trackingId).chain(open -> {
                    if (open == null || !open.department().equals(department)) {
                        throw ProblemException.notFound("no objection " + trackingId + " handled by " + department);
                    }
                    if (!open.status().equals("FILED") && !open.status().equals("ACCEPTED")) {
                        throw ProblemException.conflict("objection-decided", "objection " + trackingId
                                + " was already decided: " + open.status());
                    }
                    if (kind == ObjectionDecision.Kind.ACCEPT) {
                        if (!open.status().equals("FILED")) {
                            throw ProblemException.conflict("objection-accepted", "objection " + trackingId
                                    + " was already accepted");
                        }
                        return objections.accept(connection, trackingId, handler).replaceWith(new Decided(null));
                    }
                    return targets.lock(connection, open.kind(), open.targetId())
                            .chain(target -> apply(connection, open, target, kind, note, correction, handler)
                                    .chain(() -> changes.touch(connection, target.subjectId())))
                            .map(Decided::new);
                }))
                .call(decided -> decided.changed() == null ? Uni.createFrom().voidItem()
                        : changes.publish(decided.changed()))
                .chain(() -> objections.find(trackingId));
    }

    /** In force: active, or under an objection (which only a repeat objection may meet, see {@link #file}). */
    private static boolean inForce(Target target) {
        return RecordStatus.ACTIVE.name().equals(target.status())
                || RecordStatus.UNDER_OBJECTION.name().equals(target.status());
    }

    /** A repeat objection must say something new: a reason not heard before, or evidence not seen before. */
    private static void requireNewGrounds(ObjectionRepository.Heard heard, String reason,
                                          List<ObjectionRequest.Attachment> attachments, Target.Kind kind, long targetId) {
        String said = grounds(reason);
        boolean newReason = heard.reasons().stream().map(ObjectionService::grounds).noneMatch(said::equals);
        boolean newEvidence = attachments.stream().anyMatch(a -> !heard.attachments().contains(a.sha256()));
        if (!newReason && !newEvidence) {
            throw ProblemException.refused("objection-repeated", "reason", "an objection with this reason against "
                    + kind.label() + " " + targetId + " was rejected already; a new objection needs new grounds"
                    + " (another reason or new evidence)");
        }
    }

    /** A reason as grounds: letters and digits only, so spacing and punctuation do not make it new. */
    private static String grounds(String reason) {
        return reason.codePoints().filter(Character::isLetterOrDigit).map(Character::toLowerCase)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    /**
     * Applies a decision. An objection that held its target hands it back (its status before the objection) unless
     * deleted; a repeat objection held nothing, so a rejection changes nothing, and a deletion or correction applies
     * only to information still in force (a repair may have taken it out of view meanwhile: a deletion is then only
     * recorded, a correction refused).
     */
    private Uni<Void> apply(SqlConnection connection, ObjectionRepository.Open open, Target target,
                            ObjectionDecision.Kind kind, String note, TargetCorrection correction, String handler) {
        boolean held = open.blocks();
        boolean inForce = inForce(target);
        Uni<Void> handBack = held ? targets.status(connection, target, open.targetStatus()) : Uni.createFrom().voidItem();
        return switch (kind) {
            case REJECT -> handBack.chain(() -> objections.decide(connection, open.id(), "REJECTED", note, null, handler));
            case DELETE -> (held || inForce ? targets.status(connection, target, RecordStatus.REVOKED.name())
                    : Uni.createFrom().voidItem())
                    .chain(() -> objections.decide(connection, open.id(), "DELETED", note, null, handler));
            case CORRECT -> {
                String misplaced = correction.misplacedFor(target.kind());
                if (misplaced != null) {
                    throw ProblemException.badRequest("correction." + misplaced, "does not apply to a "
                            + target.kind().label());
                }
                if (!held && !inForce) {
                    throw ProblemException.conflict("not-in-force", target.kind().label() + " " + target.id()
                            + " is " + target.status() + " now; there is nothing to correct");
                }
                yield targets.correct(connection, target, correction)
                        .call(() -> handBack)
                        .chain(beforeAfter -> objections.decide(connection, open.id(), "CORRECTED", note,
                                beforeAfter, handler));
            }
            case ACCEPT -> throw new IllegalStateException("accept changes no target");
        };
    }

    /** Objections of a department (all of them for an auditor: {@code department} null), by deadline. */
    public Uni<List<ObjectionView>> list(String department, String status, boolean overdueOnly, LocalDate afterDue,
                                         String afterId, int size) {
        return objections.list(department, status, overdueOnly, afterDue, afterId, size);
    }

    private static void checkAttachments(FieldChecks checks, List<ObjectionRequest.Attachment> given) {
        if (given == null || !checks.require(given.size() <= MAX_ATTACHMENTS, "attachments", "has " + given.size()
                + " entries; at most " + MAX_ATTACHMENTS)) {
            return;
        }
        for (int i = 0; i < given.size(); i++) {
            ObjectionRequest.Attachment a = given.get(i);
            String at = "attachments[" + i + "]";
            if (!checks.require(a != null, at, "must be an object {name, mediaType, size, sha256}")) {
                continue;
            }
            checks.text(at + ".name", a.name(), true, 200);
            checks.require(a.mediaType() != null && ATTACHMENT_TYPES.contains(a.mediaType()), at + ".mediaType",
                    "must be one of " + ATTACHMENT_TYPES.stream().sorted().toList());
            checks.require(a.size() != null && a.size() > 0 && a.size() <= MAX_ATTACHMENT_BYTES, at + ".size",
                    "must be between 1 and " + MAX_ATTACHMENT_BYTES + " bytes");
            checks.require(a.sha256() != null && SHA256.matcher(a.sha256()).matches(), at + ".sha256",
                    "must be the SHA-256 of the file as 64 hexadecimal digits");
        }
    }

    private static boolean mayObject(CallerView caller, Target target) {
        return switch (caller.kind()) {
            case PUBLIC -> target.publicMaySee();
            case SELF -> target.subjectKey().equals(caller.subjectKey());
            case DEPARTMENT -> target.publicMaySee() || target.department().equals(caller.department());
        };
    }
}
