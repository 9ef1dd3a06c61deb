package io.creditquery.job;

import io.creditquery.db.PgWorkQueue;
import io.creditquery.verification.VerificationService;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class JobRepository {

    /** A job's owner and state (for access checks and views). */
    public record Job(String id, String owner, String status, String scenario, String purpose, int total, int done,
                      java.time.OffsetDateTime createdAt, java.time.OffsetDateTime startedAt,
                      java.time.OffsetDateTime finishedAt, String webhookUrl) {
    }

    /** Codes of one job to answer now, in order. */
    public record Chunk(String jobId, String scenario, boolean everyNaturalPerson, List<Integer> indexes,
                        List<VerificationService.CodeInput> codes) {
    }

    /** One answered code: its position and its answer as JSON. */
    public record Answer(int index, String json) {
    }

    /** Unfinished jobs, the one that has waited longest for its turn first. */
    private static final PgWorkQueue JOBS = PgWorkQueue.locked("verification_job", "status <> 'DONE'", "turn_at");

    private final Pool pool;

    public JobRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Void> create(SqlConnection connection, String id, String owner, String actor, String department,
                            boolean everyNaturalPerson, String scenario, String purpose, String idempotencyKey,
                            List<VerificationService.CodeInput> codes, String webhookUrl, String webhookSecret) {
        return connection.preparedQuery("""
                        insert into verification_job (id, owner, actor, department, scenario, purpose, idempotency_key,
                                                      total, status, webhook_url, webhook_secret, every_natural_person)
                        values ($1, $2, $3, $4, $5, $6, $7, $8, 'QUEUED', $9, $10, $11)
                        """)
                .execute(Tuple.tuple().addString(id).addString(owner).addString(actor).addString(department)
                        .addString(scenario).addString(purpose).addString(idempotencyKey).addInteger(codes.size())
                        .addString(webhookUrl).addString(webhookSecret).addBoolean(everyNaturalPerson))
                .chain(() -> connection.preparedQuery("""
                                insert into verification_job_item (job_id, idx, code, subject_key, invalid_reason, same_as)
                                select $1, (t.n - 1)::int, t.code, t.subject_key, t.invalid_reason, t.same_as
                                from unnest($2::text[], $3::text[], $4::text[], $5::text[]) with ordinality
                                     as t(code, subject_key, invalid_reason, same_as, n)
                                """)
                        .execute(Tuple.of(id,
                                codes.stream().map(VerificationService.CodeInput::raw).toArray(String[]::new),
                                codes.stream().map(VerificationService.CodeInput::subjectKey).toArray(String[]::new),
                                codes.stream().map(VerificationService.CodeInput::invalidReason).toArray(String[]::new),
                                codes.stream().map(VerificationService.CodeInput::sameAs).toArray(String[]::new))))
                .replaceWithVoid();
    }

    public Uni<Job> find(String id) {
        return pool.preparedQuery("select * from verification_job where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : job(rows.iterator().next()));
    }

    public Uni<Job> findByKey(String owner, String idempotencyKey) {
        return pool.preparedQuery("select * from verification_job where owner = $1 and idempotency_key = $2")
                .execute(Tuple.of(owner, idempotencyKey))
                .map(rows -> rows.size() == 0 ? null : job(rows.iterator().next()));
    }

    /** Codes answered so far, by status and by verdict. */
    public Uni<Map<String, Long>> counts(String id) {
        return pool.preparedQuery("""
                        select coalesce(result ->> 'verdict', result ->> 'status') as outcome, count(*)
                        from verification_job_item where job_id = $1 and result is not null group by 1 order by 1
                        """)
                .execute(Tuple.of(id))
                .map(rows -> {
                    Map<String, Long> counts = new LinkedHashMap<>();
                    rows.forEach(row -> counts.put(row.getString(0), row.getLong(1)));
                    return counts;
                });
    }

    /**
     * The next codes to answer, of the unfinished job that has waited longest for its turn (fair share between
     * jobs); the job row stays locked until the caller's transaction ends, so replicas never take the same codes.
     */
    public Uni<Chunk> claim(SqlConnection connection, int size) {
        return JOBS.lock(connection, 1, "id, scenario, every_natural_person")
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().nullItem();
                    }
                    Row job = rows.iterator().next();
                    return connection.preparedQuery("select idx, code, subject_key, invalid_reason, same_as"
                                    + " from verification_job_item where job_id = $1"
                                    + " and result is null order by idx limit $2")
                            .execute(Tuple.of(job.getString("id"), size))
                            .map(items -> {
                                List<Integer> indexes = new ArrayList<>();
                                List<VerificationService.CodeInput> codes = new ArrayList<>();
                                items.forEach(item -> {
                                    indexes.add(item.getInteger("idx"));
                                    codes.add(new VerificationService.CodeInput(item.getString("code"),
                                            item.getString("subject_key"), item.getString("invalid_reason"),
                                            item.getString("same_as")));
                                });
                                return new Chunk(job.getString("id"), job.getString("scenario"),
                                        job.getBoolean("every_natural_person"), indexes, codes);
                            });
                });
    }

    /**
     * Stores the answers and moves the job on (DONE when every code is answered); a job that finishes with a webhook
     * queues its completion call in the same transaction.
     */
    public Uni<Void> complete(SqlConnection connection, String jobId, List<Answer> answers) {
        return connection.preparedQuery("""
                        with answered as (
                            update verification_job_item i set result = t.answer::jsonb
                            from unnest($2::int[], $3::text[]) as t(idx, answer)
                            where i.job_id = $1 and i.idx = t.idx and i.result is null
                            returning 1
                        ), moved as (
                            update verification_job j
                            set done = j.done + (select count(*) from answered),
                                status = case when j.done + (select count(*) from answered) >= j.total
                                              then 'DONE' else 'RUNNING' end,
                                started_at = coalesce(j.started_at, clock_timestamp()),
                                finished_at = case when j.done + (select count(*) from answered) >= j.total
                                                   then clock_timestamp() end,
                                turn_at = clock_timestamp()
                            where j.id = $1
                            returning j.*
                        )
                        insert into webhook_delivery (url, secret, event, body)
                        select m.webhook_url, m.webhook_secret, 'job:' || m.id,
                               jsonb_build_object('jobId', m.id, 'status', m.status, 'total', m.total, 'done', m.done,
                                   'finishedAt', m.finished_at,
                                   'results', '/api/v1/verification-jobs/' || m.id || '/results')::text
                        from moved m where m.status = 'DONE' and m.webhook_url is not null
                        """)
                .execute(Tuple.of(jobId, answers.stream().map(Answer::index).toArray(Integer[]::new),
                        answers.stream().map(Answer::json).toArray(String[]::new)))
                .replaceWithVoid();
    }

    /** Answers after position {@code after}, in order (answers form a prefix: codes are answered in order). */
    public Uni<List<Answer>> answers(String jobId, int after, int size) {
        return pool.preparedQuery("select idx, result::text from verification_job_item where job_id = $1"
                        + " and idx > $2 and result is not null order by idx limit $3")
                .execute(Tuple.of(jobId, after, size))
                .map(rows -> {
                    List<Answer> answers = new ArrayList<>();
                    rows.forEach(row -> answers.add(new Answer(row.getInteger(0), row.getString(1))));
                    return answers;
                });
    }

    private static Job job(Row row) {
        return new Job(row.getString("id"), row.getString("owner"), row.getString("status"),
                row.getString("scenario"), row.getString("purpose"), row.getInteger("total"), row.getInteger("done"),
                row.getOffsetDateTime("created_at"), row.getOffsetDateTime("started_at"),
                row.getOffsetDateTime("finished_at"), row.getString("webhook_url"));
    }
}
