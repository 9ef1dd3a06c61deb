package io.creditquery.job;

import io.creditquery.common.JsonText;
import io.creditquery.verification.Scenario;
import io.creditquery.verification.VerificationResult;
import io.creditquery.verification.VerificationService;
import io.creditquery.webhook.WebhookDelivery;
import io.creditquery.common.DrainLoop;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/**
 * Answers verification jobs chunk by chunk: each chunk's codes are taken and answered in one transaction, so a crash
 * loses only the chunk in progress, which the next run (on any replica) answers again — every code exactly once.
 * One chunk at a time per replica and the longest-waiting job first: a large job advances steadily without
 * starving interactive checks or other jobs.
 */
@ApplicationScoped
public class JobWorker {

    private final Pool pool;
    private final JobRepository jobs;
    private final VerificationService verification;
    private final JsonText json;
    private final JobConfig config;
    private final DrainLoop loop;

    public JobWorker(Vertx vertx, Pool pool, JobRepository jobs, VerificationService verification, JsonText json,
                     JobConfig config, WebhookDelivery webhooks) {
        this.pool = pool;
        this.jobs = jobs;
        this.verification = verification;
        this.json = json;
        this.config = config;
        this.loop = new DrainLoop(vertx, "verification job run", () -> chunk().map(count -> count > 0), webhooks::kick);
    }

    @Scheduled(every = "${credit.jobs.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        kick();
    }

    /** Runs until no job has codes left, then kicks the webhook calls of the jobs finished. */
    public void kick() {
        loop.kick();
    }

    /** One chunk; the number of codes answered (0 when there is nothing to do). */
    Uni<Integer> chunk() {
        return pool.withTransaction(connection -> jobs.claim(connection, config.chunkSize()).chain(chunk -> {
            if (chunk == null || chunk.codes().isEmpty()) {
                return Uni.createFrom().item(0);
            }
            return verification.items(Scenario.valueOf(chunk.scenario()), chunk.codes(), chunk.everyNaturalPerson()).chain(items -> {
                List<JobRepository.Answer> answers = new ArrayList<>();
                for (VerificationResult.Item item : items) {
                    int index = chunk.indexes().get(item.index());
                    Integer duplicateOf = item.duplicateOf() == null ? null : chunk.indexes().get(item.duplicateOf());
                    answers.add(new JobRepository.Answer(index, json.write(item.at(index, duplicateOf))));
                }
                return jobs.complete(connection, chunk.jobId(), answers).replaceWith(answers.size());
            });
        }));
    }
}
