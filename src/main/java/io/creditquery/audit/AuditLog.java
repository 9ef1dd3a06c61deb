package io.creditquery.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Durable audit with group commit: events from concurrent requests are collected for a short window and written
 * in one multi-row insert; each request's Uni completes only when its row is committed, so no answer leaves
 * before its audit record is durable. One batch is in flight at a time, which keeps sequence order per replica.
 */
@ApplicationScoped
public class AuditLog {

    private static final Logger LOG = Logger.getLogger(AuditLog.class);
    private static final String INSERT = """
            insert into audit_event (occurred_at, actor_kind, actor_id, department, api_key_id, client_ip, method,
                                     endpoint, query, subjects, result_count, status, latency_micros, request_id)
            select t.occurred_at, t.actor_kind, t.actor_id, t.department, t.api_key_id, t.client_ip, t.method,
                   t.endpoint, t.query::jsonb, t.subjects::jsonb, t.result_count, t.status, t.latency_micros, t.request_id
            from unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                        $8::text[], $9::text[], $10::text[], $11::int[], $12::int[], $13::bigint[], $14::text[])
                 as t(occurred_at, actor_kind, actor_id, department, api_key_id, client_ip, method,
                      endpoint, query, subjects, result_count, status, latency_micros, request_id)
            """;

    private record Pending(AuditEvent event, UniEmitter<? super Void> emitter) {
    }

    private final Pool pool;
    private final Vertx vertx;
    private final ObjectMapper json;
    private final AuditConfig config;
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushing = new AtomicBoolean();

    public AuditLog(Pool pool, Vertx vertx, ObjectMapper json, AuditConfig config) {
        this.pool = pool;
        this.vertx = vertx;
        this.json = json;
        this.config = config;
    }

    /** Completes once the event is committed; fails if it could not be written. */
    public Uni<Void> append(AuditEvent event) {
        return Uni.createFrom().emitter(emitter -> {
            queue.add(new Pending(event, emitter));
            scheduleFlush();
        });
    }

    private void scheduleFlush() {
        if (flushing.compareAndSet(false, true)) {
            if (queue.size() >= config.maxBatch()) {
                vertx.runOnContext(this::flush);
            } else {
                vertx.setTimer(Math.max(1, config.batchWindow().toMillis()), ignored -> flush());
            }
        }
    }

    private void flush() {
        List<Pending> batch = new ArrayList<>();
        Pending next;
        while (batch.size() < config.maxBatch() && (next = queue.poll()) != null) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            flushing.set(false);
            if (!queue.isEmpty()) {
                scheduleFlush();
            }
            return;
        }
        Tuple params;
        try {
            params = toParams(batch);
        } catch (JsonProcessingException e) {
            finish(batch, e);
            return;
        }
        pool.preparedQuery(INSERT).execute(params).subscribe().with(
                rows -> finish(batch, null),
                failure -> finish(batch, failure));
    }

    private void finish(List<Pending> batch, Throwable failure) {
        if (failure != null) {
            LOG.errorf("audit batch of %d events could not be written: %s", batch.size(), failure.getMessage());
        }
        for (Pending pending : batch) {
            if (failure == null) {
                pending.emitter().complete(null);
            } else {
                pending.emitter().fail(failure);
            }
        }
        flushing.set(false);
        if (!queue.isEmpty()) {
            scheduleFlush();
        }
    }

    private Tuple toParams(List<Pending> batch) throws JsonProcessingException {
        int n = batch.size();
        OffsetDateTime[] at = new OffsetDateTime[n];
        String[] actorKind = new String[n], actorId = new String[n], dept = new String[n], apiKey = new String[n];
        String[] ip = new String[n], method = new String[n], endpoint = new String[n], query = new String[n];
        String[] subjects = new String[n], requestId = new String[n];
        Integer[] count = new Integer[n], status = new Integer[n];
        Long[] latency = new Long[n];
        for (int i = 0; i < n; i++) {
            AuditEvent e = batch.get(i).event();
            at[i] = e.occurredAt();
            actorKind[i] = e.actorKind();
            actorId[i] = e.actorId();
            dept[i] = e.department();
            apiKey[i] = e.apiKeyId();
            ip[i] = e.clientIp();
            method[i] = e.method();
            endpoint[i] = e.endpoint();
            query[i] = json.writeValueAsString(e.query());
            subjects[i] = json.writeValueAsString(e.subjects());
            count[i] = e.resultCount();
            status[i] = e.status();
            latency[i] = e.latencyMicros();
            requestId[i] = e.requestId();
        }
        return Tuple.tuple()
                .addArrayOfOffsetDateTime(at).addArrayOfString(actorKind).addArrayOfString(actorId)
                .addArrayOfString(dept).addArrayOfString(apiKey).addArrayOfString(ip).addArrayOfString(method)
                .addArrayOfString(endpoint).addArrayOfString(query).addArrayOfString(subjects)
                .addArrayOfInteger(count).addArrayOfInteger(status).addArrayOfLong(latency)
                .addArrayOfString(requestId);
    }
}
