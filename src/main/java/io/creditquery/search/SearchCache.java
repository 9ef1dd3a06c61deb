package io.creditquery.search;

import io.creditquery.cache.RedisStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Short-lived cache of search answers. Any change to the index makes every cached answer unreachable at once:
 * the keys carry a generation that the indexer bumps after each write, and again once Elasticsearch has refreshed
 * (so an answer computed from the index just before the refresh is not kept). Redis unavailable = no cache.
 */
@ApplicationScoped
public class SearchCache {

    private static final Duration TTL = Duration.ofSeconds(60);
    private static final long REFRESH_MARGIN_MS = 1_500;

    /** What a reader saw: the cached answer if any, and the generation to store a fresh one under. */
    public record Lookup(String value, String generation) {
    }

    private final RedisStore redis;
    private final Vertx vertx;
    private final boolean enabled;
    private final Counter hits;
    private final Counter misses;

    public SearchCache(RedisStore redis, Vertx vertx, SearchConfig config, MeterRegistry registry) {
        this.redis = redis;
        this.vertx = vertx;
        this.enabled = config.cacheEnabled();
        this.hits = registry.counter("credit.search.cache", "result", "hit");
        this.misses = registry.counter("credit.search.cache", "result", "miss");
    }

    public Uni<Lookup> lookup(String kind, String canonicalRequest) {
        if (!enabled) {
            return Uni.createFrom().item(new Lookup(null, null));
        }
        return redis.call(c -> c.get(generationKey()))
                .chain(generation -> {
                    String g = generation == null ? "0" : generation;
                    return redis.call(c -> c.get(key(kind, g, canonicalRequest))).map(value -> new Lookup(value, g));
                })
                .invoke(seen -> (seen.value() != null ? hits : misses).increment())
                .onFailure().recoverWithItem(new Lookup(null, null));
    }

    public Uni<Void> store(String kind, Lookup seen, String canonicalRequest, String value) {
        if (seen.generation() == null) {
            return Uni.createFrom().voidItem();
        }
        return redis.call(c -> c.psetex(key(kind, seen.generation(), canonicalRequest), TTL.toMillis(), value))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Called by the indexer after a successful write; bumps now and once more after the index refresh. */
    public void indexChanged() {
        bump();
        vertx.setTimer(REFRESH_MARGIN_MS, ignored -> bump());
    }

    private void bump() {
        redis.call(c -> c.incr(generationKey())).subscribe().with(ignored -> { }, ignored -> { });
    }

    private String generationKey() {
        return redis.key("search", "gen");
    }

    private String key(String kind, String generation, String canonicalRequest) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonicalRequest.getBytes(StandardCharsets.UTF_8));
            return redis.key("search", generation, kind, HexFormat.of().formatHex(digest, 0, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
