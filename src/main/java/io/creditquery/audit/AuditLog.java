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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Durable audit with group commit: events from concurrent requests are collected for a short window and written
 * in one multi-row insert; each request's Uni completes only when its row is committed, so no answer leaves
 * before its audit record is durable.
 *
 * <p>Tamper evidence: every event carries the hash of its predecessor and a hash over itself and that
 * predecessor, keyed with a key the database does not hold ({@link AuditHash}). The chain head is one row that each batch moves, in the same statement as its
 * insert, only from the hash it chained onto (compare-and-set), so batches of all replicas append one after the
 * other: one chain, never forked, in sequence order.
 */
@ApplicationScoped
public class AuditLog {

    private static final Logger LOG = Logger.getLogger(AuditLog.class);
    /**
     * One statement, one round trip: the chain head moves only if it is still where this replica last saw it, and
     * the events are inserted only if it moved. If another replica moved it meanwhile, nothing is written, and the
     * batch is chained again onto the head read back.
     */
    private static final String APPEND = """
            with moved as (
                update audit_chain_head set last_hash = $18, events = events + $19
                where id = 1 and last_hash = $17
                returning id
            )
            insert into audit_event (occurred_at, actor_kind, actor_id, department, api_key_id, client_ip, method,
                                     endpoint, query, subjects, result_count, status, latency_micros, request_id,
                                     client_request_id, prev_hash, hash)
            select t.occurred_at, t.actor_kind, t.actor_id, t.department, t.api_key_id, t.client_ip, t.method,
                   t.endpoint, t.query::jsonb, t.subjects::jsonb, t.result_count, t.status, t.latency_micros,
                   t.request_id, t.client_request_id, t.prev_hash, t.hash
            from unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                        $8::text[], $9::text[], $10::text[], $11::int[], $12::int[], $13::bigint[], $14::text[],
                        $15::text[], $16::text[], $20::text[])
                 as t(occurred_at, actor_kind, actor_id, department, api_key_id, client_ip, method,
                      endpoint, query, subjects, result_count, status, latency_micros, request_id,
                      client_request_id, prev_hash, hash)
            where exists (select 1 from moved)
            returning seq
            """;
    private static final String READ_HEAD = "select last_hash from audit_chain_head where id = 1";
    private static final int MAX_ATTEMPTS = 20;

    private record Pending(AuditEvent event, UniEmitter<? super Void> emitter) {
    }

    private final Pool pool;
    private final Vertx vertx;
    private final ObjectMapper json;
    private final AuditConfig config;
    private final AuditHash hash;
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean timerArmed = new AtomicBoolean();
    private final AtomicInteger inFlight = new AtomicInteger();
    /**
     * The chain head after the last batch this replica sent; null when unknown (at start, after a failure, after
     * another replica moved it). Guarded by {@code this}, with the chaining of a batch onto it.
     */
    private String head;

    public AuditLog(Pool pool, Vertx vertx, ObjectMapper json, AuditConfig config, AuditHash hash) {
        this.hash = hash;
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
        if (queue.isEmpty()) {
            return;
        }
        if (queue.size() >= config.maxBatch()) {
            vertx.runOnContext(this::flush);
        } else if (timerArmed.compareAndSet(false, true)) {
            vertx.setTimer(Math.max(1, config.batchWindow().toMillis()), ignored -> {
                timerArmed.set(false);
                flush();
            });
        }
    }

    /**
     * Sends the next batch. While the head is known, up to {@code max-in-flight} batches are pipelined, each
     * chained in memory onto the one before: PostgreSQL applies them in order (each waits for the head row its
     * predecessor updates) and flushes their commits together. With the head unknown, one batch at a time.
     */
    private void flush() {
        List<Pending> batch = new ArrayList<>();
        ChainedBatch chained = null;
        synchronized (this) {
            if (inFlight.get() >= config.maxInFlight() || (head == null && inFlight.get() > 0)) {
                return;
            }
            Pending next;
            while (batch.size() < config.maxBatch() && (next = queue.poll()) != null) {
                batch.add(next);
            }
            if (batch.isEmpty()) {
                return;
            }
            inFlight.incrementAndGet();
            if (head != null) {
                chained = chain(head, batch);
                head = chained.lastHash();
            }
        }
        Uni<Void> write = chained != null ? send(batch, chained) : appendOnDatabaseHead(batch, 1);
        write.subscribe().with(ignored -> done(batch, null), failure -> done(batch, failure));
    }

    private Uni<Void> send(List<Pending> batch, ChainedBatch chained) {
        return pool.preparedQuery(APPEND).execute(chained.params()).chain(rows -> {
            if (rows.rowCount() == batch.size()) {
                return Uni.createFrom().voidItem();
            }
            forgetHead();
            return appendOnDatabaseHead(batch, 2);
        });
    }

    /** Chains the batch onto the head read from the database, retrying while other writers move it. */
    private Uni<Void> appendOnDatabaseHead(List<Pending> batch, int attempt) {
        return pool.query(READ_HEAD).execute().map(rows -> rows.iterator().next().getString(0)).chain(current -> {
            ChainedBatch chained = chain(current, batch);
            return pool.preparedQuery(APPEND).execute(chained.params()).chain(rows -> {
                if (rows.rowCount() == batch.size()) {
                    synchronized (this) {
                        if (head == null && inFlight.get() == 1) {
                            head = chained.lastHash();
                        }
                    }
                    return Uni.createFrom().voidItem();
                }
                if (attempt >= MAX_ATTEMPTS) {
                    return Uni.createFrom().failure(new IllegalStateException(
                            "the audit chain head kept moving; gave up after " + attempt + " attempts"));
                }
                return appendOnDatabaseHead(batch, attempt + 1);
            });
        });
    }

    private synchronized void forgetHead() {
        head = null;
    }

    private void done(List<Pending> batch, Throwable failure) {
        if (failure != null) {
            forgetHead();
            LOG.errorf("audit batch of %d events could not be written: %s", batch.size(), failure.getMessage());
        }
        for (Pending pending : batch) {
            if (failure == null) {
                pending.emitter().complete(null);
            } else {
                pending.emitter().fail(failure);
            }
        }
        inFlight.decrementAndGet();
        scheduleFlush();
    }

    private record ChainedBatch(Tuple params, String lastHash) {
    }

    /** Hashes the batch in order onto the chain head; bad JSON cannot happen (maps of strings) but fails the batch. */
    private ChainedBatch chain(String from, List<Pending> batch) {
        String[] prev = new String[batch.size()];
        String[] hashes = new String[batch.size()];
        String last = from;
        for (int i = 0; i < batch.size(); i++) {
            prev[i] = last;
            last = hash.of(last, batch.get(i).event());
            hashes[i] = last;
        }
        try {
            return new ChainedBatch(toParams(batch).addArrayOfString(prev).addString(from)
                    .addString(last).addInteger(batch.size()).addArrayOfString(hashes), last);
        } catch (JsonProcessingException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Tuple toParams(List<Pending> batch) throws JsonProcessingException {
        int n = batch.size();
        OffsetDateTime[] at = new OffsetDateTime[n];
        String[] actorKind = new String[n], actorId = new String[n], dept = new String[n], apiKey = new String[n];
        String[] ip = new String[n], method = new String[n], endpoint = new String[n], query = new String[n];
        String[] subjects = new String[n], requestId = new String[n], clientRequestId = new String[n];
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
            clientRequestId[i] = e.clientRequestId();
        }
        return Tuple.tuple()
                .addArrayOfOffsetDateTime(at).addArrayOfString(actorKind).addArrayOfString(actorId)
                .addArrayOfString(dept).addArrayOfString(apiKey).addArrayOfString(ip).addArrayOfString(method)
                .addArrayOfString(endpoint).addArrayOfString(query).addArrayOfString(subjects)
                .addArrayOfInteger(count).addArrayOfInteger(status).addArrayOfLong(latency)
                .addArrayOfString(requestId).addArrayOfString(clientRequestId);
    }
}
