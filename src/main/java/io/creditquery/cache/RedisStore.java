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
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * One shared Lettuce connection (Lettuce pipelines concurrent commands on it), connected lazily so that the
 * service starts and answers without Redis; commands fail fast while Redis is away and callers fall back.
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
    private CompletableFuture<StatefulRedisConnection<String, String>> connection;
    private long retryNotBefore;
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

    private synchronized CompletionStage<StatefulRedisConnection<String, String>> connection() {
        if (connection != null && !connection.isCompletedExceptionally()) {
            return connection;
        }
        long now = System.currentTimeMillis();
        if (connection != null && now < retryNotBefore) {
            return connection;
        }
        retryNotBefore = now + config.reconnectBackoff().toMillis();
        connection = client.connectAsync(StringCodec.UTF8, uri).toCompletableFuture();
        connection.whenComplete((c, failure) -> {
            if (failure != null) {
                LOG.warnf("Redis at %s is unavailable (%s); answering from the stores behind the cache",
                        uri.getHost() + ":" + uri.getPort(), failure.getMessage());
            }
        });
        return connection;
    }

    @PreDestroy
    public void close() {
        synchronized (this) {
            if (connection != null && connection.isDone() && !connection.isCompletedExceptionally()) {
                connection.join().close();
            }
        }
        client.shutdown();
    }
}
