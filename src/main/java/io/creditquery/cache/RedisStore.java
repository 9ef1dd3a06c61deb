package io.creditquery.cache;

import io.creditquery.common.VertxContexts;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
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

    private final RedisClient client;
    private final RedisURI uri;
    private final RedisConfig config;
    private CompletableFuture<StatefulRedisConnection<String, String>> connection;
    private long retryNotBefore;

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

    /** Runs one command; the result arrives back on the caller's Vert.x context. */
    public <T> Uni<T> call(Function<RedisAsyncCommands<String, String>, RedisFuture<T>> command) {
        return VertxContexts.fromStage(() -> connection().thenCompose(c -> command.apply(c.async())));
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
