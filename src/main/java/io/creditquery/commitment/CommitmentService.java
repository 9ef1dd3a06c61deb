package io.creditquery.commitment;

import io.creditquery.common.FieldChecks;
import io.creditquery.common.ProblemException;
import io.creditquery.common.TrackingIds;
import io.creditquery.subject.SubjectChanges;
import io.creditquery.security.SubjectResolver;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.List;

/**
 * Credit commitments (信用承诺): recorded by the department they were made to, later assessed as kept or broken;
 * an assessment changes the subject's grade, so it is published like any other change of the subject.
 */
@ApplicationScoped
public class CommitmentService {

    static final String PREFIX = "CN";

    private final Pool pool;
    private final CommitmentRepository commitments;
    private final SubjectResolver codes;
    private final SubjectChanges changes;

    public CommitmentService(Pool pool, CommitmentRepository commitments, SubjectResolver codes, SubjectChanges changes) {
        this.pool = pool;
        this.commitments = commitments;
        this.codes = codes;
        this.changes = changes;
    }

    public Uni<CommitmentView> record(CommitmentRequest request, String department) {
        if (request == null) {
            throw ProblemException.badRequest("body", "is required: {\"subjectCode\", \"type\", \"content\", \"madeOn\"}");
        }
        FieldChecks checks = new FieldChecks();
        String code = checks.text("subjectCode", request.subjectCode(), true, 40);
        CommitmentType type = checks.enumValue("type", request.type(), CommitmentType.class, true);
        String content = checks.text("content", request.content(), true, 4000);
        LocalDate madeOn = checks.date("madeOn", request.madeOn(), true);
        LocalDate dueOn = checks.date("dueOn", request.dueOn(), false);
        checks.require(madeOn == null || !madeOn.isAfter(LocalDate.now()), "madeOn", "must not be in the future");
        checks.require(madeOn == null || dueOn == null || !dueOn.isBefore(madeOn), "dueOn", "is before madeOn");
        checks.done();
        return codes.resolve(List.of(code)).chain(resolved -> {
            SubjectResolver.Resolved subject = resolved.get(0);
            if (!subject.check().valid()) {
                throw ProblemException.badRequest("subjectCode", subject.check().firstError());
            }
            if (!subject.known()) {
                throw ProblemException.badRequest("subjectCode", "no subject with this code; ingest the subject first");
            }
            String id = TrackingIds.next(PREFIX);
            return pool.withTransaction(connection -> create(connection, id, subject.subjectId(), department, type,
                    content, madeOn, dueOn)).chain(() -> commitments.find(id)).map(CommitmentRepository.Found::view);
        });
    }

    /** In the caller's transaction (a repair application makes its commitment this way). */
    public Uni<Void> create(SqlConnection connection, String id, long subjectId, String department, CommitmentType type,
                            String content, LocalDate madeOn, LocalDate dueOn) {
        return commitments.insert(connection, id, subjectId, department, type, content, madeOn, dueOn);
    }

    public Uni<CommitmentView> assess(String id, CommitmentAssessment assessment, String department) {
        TrackingIds.require("id", PREFIX, id, "a commitment id");
        FieldChecks checks = new FieldChecks();
        checks.require(assessment != null && assessment.kept() != null, "kept", "is required: true or false");
        String note = checks.text("note", assessment == null ? null : assessment.note(), true, 2000);
        checks.done();
        return pool.withTransaction(connection -> commitments.lock(connection, id).chain(locked -> {
                    if (locked == null || !locked.department().equals(department)) {
                        throw ProblemException.notFound("no commitment " + id + " made to " + department);
                    }
                    if (locked.kept() != null) {
                        throw ProblemException.conflict("commitment-assessed", "commitment " + id
                                + " was already assessed as " + (locked.kept() ? "kept" : "broken"));
                    }
                    return commitments.assess(connection, id, assessment.kept(), note)
                            .chain(() -> changes.touch(connection, locked.subjectId()));
                }))
                .call(changes::publish)
                .chain(() -> commitments.find(id)).map(CommitmentRepository.Found::view);
    }

    /** A commitment, for the department it was made to or the subject that made it (its key; null otherwise). */
    public Uni<CommitmentView> find(String id, String department, String subjectKey) {
        TrackingIds.require("id", PREFIX, id, "a commitment id");
        return commitments.find(id).map(found -> found != null && (found.view().department().equals(department)
                        || found.subjectKey().equals(subjectKey)) ? found.view() : null)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("no commitment " + id
                        + " that this caller may read"));
    }
}
