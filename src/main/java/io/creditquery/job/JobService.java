package io.creditquery.job;

import io.creditquery.common.FieldChecks;
import io.creditquery.common.ProblemException;
import io.creditquery.common.TrackingIds;
import io.creditquery.security.PersonalIds;
import io.creditquery.verification.Scenario;
import io.creditquery.verification.VerificationService;
import io.creditquery.webhook.Webhooks;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Asynchronous bulk credit checks (up to 100,000 codes): the job and its codes are stored before the 201, a worker
 * answers them in chunks, progress and answers are read back by id; the same Idempotency-Key returns the same job.
 */
@ApplicationScoped
public class JobService {

    static final String PREFIX = "VJ";

    private final Pool pool;
    private final JobRepository jobs;
    private final JobWorker worker;
    private final JobConfig config;
    private final Webhooks webhooks;

    private final PersonalIds personalIds;
    private final Vertx vertx;

    public JobService(Pool pool, JobRepository jobs, JobWorker worker, JobConfig config, Webhooks webhooks,
                      PersonalIds personalIds, Vertx vertx) {
        this.personalIds = personalIds;
        this.vertx = vertx;
        this.webhooks = webhooks;
        this.pool = pool;
        this.jobs = jobs;
        this.worker = worker;
        this.config = config;
    }

    /** A job and whether this request created it (false: an earlier request with the same idempotency key did). */
    public record Submitted(JobView job, boolean created) {
    }

    public Uni<Submitted> submit(JobRequest request, String owner, String actor, String department,
                                 boolean everyNaturalPerson, String idempotencyKey) {
        if (request == null) {
            throw ProblemException.badRequest("body", "is required: {\"scenario\", \"codes\": [...]} or a CSV of codes");
        }
        FieldChecks checks = new FieldChecks();
        Scenario scenario = checks.enumValue("scenario", request.scenario(), Scenario.class, true);
        String purpose = checks.text("purpose", request.purpose(), false, 200);
        String key = checks.text("Idempotency-Key", idempotencyKey, false, 100);
        String webhookUrl = webhooks.url(checks, "webhookUrl", request.webhookUrl());
        List<String> codes = request.codes();
        checks.require(codes != null && !codes.isEmpty() && codes.size() <= config.maxCodes(), "codes",
                "is required: 1 to " + config.maxCodes() + " codes" + (codes == null ? "" : "; got " + codes.size()));
        checks.done();
        Uni<JobRepository.Job> existing = key == null ? Uni.createFrom().nullItem() : jobs.findByKey(owner, key);
        return existing.chain(found -> {
            if (found != null) {
                return view(found, null).map(view -> new Submitted(view, false));
            }
            String id = TrackingIds.next(PREFIX);
            String secret = webhookUrl == null ? null : webhooks.newSecret();
            // Up to 100,000 codes checked and sealed (no citizen ID is stored) off the event loop.
            return vertx.executeBlocking(Uni.createFrom().item(() -> codes.stream()
                            .map(code -> VerificationService.CodeInput.sealed(code == null ? "" : code.strip(), personalIds))
                            .toList()))
                    .chain(sealed -> pool.withTransaction(connection -> jobs.create(connection, id, owner, actor,
                            department, everyNaturalPerson, scenario.name(), purpose, key, sealed, webhookUrl, secret)))
                    .invoke(worker::kick)
                    .chain(() -> jobs.find(id)).chain(job -> view(job, secret)).map(view -> new Submitted(view, true));
        });
    }

    public Uni<JobView> find(String id, String owner) {
        return owned(id, owner).chain(job -> view(job, null));
    }

    /** Answers after position {@code after} (-1 for the first), at most {@code size}. */
    public Uni<List<JobRepository.Answer>> answers(String id, String owner, int after, int size) {
        return owned(id, owner).chain(job -> jobs.answers(id, after, size));
    }

    private Uni<JobRepository.Job> owned(String id, String owner) {
        TrackingIds.require("id", PREFIX, id, "a verification job id");
        return jobs.find(id).map(job -> job != null && job.owner().equals(owner) ? job : null)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("no verification job " + id + " of this caller"));
    }

    private Uni<JobView> view(JobRepository.Job job, String webhookSecret) {
        return jobs.counts(job.id()).map(counts -> new JobView(job.id(), job.status(), job.scenario(), job.purpose(),
                job.total(), job.done(), Math.round(job.done() * 1000.0 / job.total()) / 10.0, job.createdAt(),
                job.startedAt(), job.finishedAt(), counts, "/api/v1/verification-jobs/" + job.id() + "/results",
                job.webhookUrl(), webhookSecret));
    }
}
