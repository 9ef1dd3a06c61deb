package io.creditquery.cache;

import io.creditquery.common.VertxContexts;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisException;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.smallrye.mutiny.Uni;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * One shared Lettuce connection (Lettuce pipelines concurrent commands on it). It is opened at start on a worker
 * thread — Lettuce's first connect builds its Netty resources, which takes seconds and must not run on an event loop
 * — and the service starts and answers without Redis; commands fail fast while Redis is away and callers fall back.
 * A lost connection is opened again (at most once per {@code reconnectBackoff}) the same way, by one caller.
 */
@ApplicationScoped
public class RedisStore {

    private static final Logger LOG = Logger.getLogger(RedisStore.class);
    private static final RedisException CIRCUIT_OPEN = new RedisException("Redis circuit open after a timeout") {
        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    };

    private final RedisClient client;
    private final RedisURI uri;
    private final RedisConfig config;
    /** The current connection attempt, and when a failed one may be replaced. */
    private record Attempt(CompletableFuture<StatefulRedisConnection<String, String>> connection, long retryNotBefore) {
    }

    private final AtomicReference<Attempt> attempt = new AtomicReference<>();
    private volatile long openUntil;

    public RedisStore(RedisConfig config) {
        this.config = config;
        this.uri = RedisURI.create(config.uri());
        this.uri.setTimeout(config.commandTimeout());
        this.client = RedisClient.create();
        this.client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(config.commandTimeout()))
                .build());
    }

    public String key(String... parts) {
        return config.keyPrefix() + ":" + String.join(":", parts);
    }

    /**
     * Runs one command; the result arrives back on the caller's Vert.x context. While the circuit is open (a
     * command timed out less than {@code reconnectBackoff} ago) it fails at once instead of making every request
     * wait out the timeout of a Redis that is not answering.
     */
    public <T> Uni<T> call(Function<RedisAsyncCommands<String, String>, RedisFuture<T>> command) {
        if (System.currentTimeMillis() < openUntil) {
            return Uni.createFrom().failure(CIRCUIT_OPEN);
        }
        return VertxContexts.fromStage(() -> connection().thenCompose(c -> command.apply(c.async()).whenComplete((result, failure) -> {
            if (failure instanceof RedisCommandTimeoutException) {
                openCircuit();
            }
        })));
    }

    private void openCircuit() {
        long now = System.currentTimeMillis();
        if (now >= openUntil) {
            LOG.warnf("Redis at %s timed out; skipping it for %d ms", uri.getHost() + ":" + uri.getPort(),
                    config.reconnectBackoff().toMillis());
        }
        openUntil = now + config.reconnectBackoff().toMillis();
    }

    void connectAtStart(@Observes StartupEvent started) {
        connection();
    }

    private CompletionStage<StatefulRedisConnection<String, String>> connection() {
        Attempt current = attempt.get();
        long now = System.currentTimeMillis();
        if (current != null && (!current.connection().isCompletedExceptionally() || now < current.retryNotBefore())) {
            return current.connection();
        }
        Attempt next = new Attempt(new CompletableFuture<>(), now + config.reconnectBackoff().toMillis());
        if (!attempt.compareAndSet(current, next)) {
            return attempt.get().connection();
        }
        Infrastructure.getDefaultWorkerPool().execute(() -> {
            try {
                client.connectAsync(StringCodec.UTF8, uri).whenComplete((c, failure) -> {
                    if (failure != null) {
                        LOG.warnf("Redis at %s is unavailable (%s); answering from the stores behind the cache",
                                uri.getHost() + ":" + uri.getPort(), failure.getMessage());
                        next.connection().completeExceptionally(failure);
                    } else {
                        next.connection().complete(c);
                    }
                });
            } catch (RuntimeException e) {
                next.connection().completeExceptionally(e);
            }
        });
        return next.connection();
    }

    @PreDestroy
    public void close() {
        Attempt current = attempt.get();
        if (current != null) {
            current.connection().thenAccept(StatefulRedisConnection::close);
        }
        client.shutdown();
    }
}
