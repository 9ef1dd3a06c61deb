package io.creditquery.cache;

import io.lettuce.core.ScriptOutputType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Cache of rendered subject views in Redis, one hash per subject (a field per view), guarded by a per-subject
 * generation counter. A writer bumps the generation and deletes the hash after its commit; a reader stores what it
 * read from PostgreSQL only if the generation is still the one it saw before reading, so a read that raced a
 * write can never put stale data back. Keys of one subject share a hash tag, so this also works on Redis Cluster.
 */
@ApplicationScoped
public class ProfileCache {

    private static final Logger LOG = Logger.getLogger(ProfileCache.class);

    private static final String STORE_IF_UNCHANGED = """
            local gen = redis.call('GET', KEYS[2]) or ''
            if gen == ARGV[1] then
              redis.call('HSET', KEYS[1], ARGV[2], ARGV[3])
              redis.call('PEXPIRE', KEYS[1], ARGV[4])
              return 1
            end
            return 0
            """;
    private static final String LOOKUP = """
            return {redis.call('HGET', KEYS[1], ARGV[1]) or false, redis.call('GET', KEYS[2]) or false}
            """;
    private static final String INVALIDATE = """
            redis.call('INCR', KEYS[2])
            redis.call('PEXPIRE', KEYS[2], ARGV[1])
            return redis.call('DEL', KEYS[1])
            """;

    /** What a reader saw: the cached view, if any, and the generation to present when storing a fresh one. */
    public record Lookup(String value, String generation) {
        public boolean hit() {
            return value != null;
        }
    }

    private final RedisStore redis;
    private final Duration ttl;

    public ProfileCache(RedisStore redis, CacheConfig config) {
        this.redis = redis;
        this.ttl = config.profileTtl();
    }

    /** Never fails: an unavailable Redis is a miss that must not be stored into. One round trip. */
    public Uni<Lookup> lookup(String subjectKey, String view) {
        return redis.<List<Object>>call(c -> c.eval(LOOKUP, ScriptOutputType.MULTI,
                        new String[]{viewsKey(subjectKey), generationKey(subjectKey)}, view))
                .map(values -> new Lookup((String) values.get(0), values.get(1) == null ? "" : (String) values.get(1)))
                .onFailure().recoverWithItem(new Lookup(null, null));
    }

    public Uni<Void> store(String subjectKey, Lookup seen, String view, String value) {
        if (seen.generation() == null) {
            return Uni.createFrom().voidItem();
        }
        return redis.<Long>call(c -> c.eval(STORE_IF_UNCHANGED, ScriptOutputType.INTEGER,
                        new String[]{viewsKey(subjectKey), generationKey(subjectKey)},
                        seen.generation(), view, value, Long.toString(ttl.toMillis())))
                .onFailure().recoverWithItem(0L)
                .replaceWithVoid();
    }

    /** Called after the change is committed. A Redis failure is logged: entries then expire within the TTL. */
    public Uni<Void> invalidate(Collection<String> subjectKeys) {
        if (subjectKeys.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String generationTtl = Long.toString(ttl.multipliedBy(2).toMillis());
        List<Uni<Long>> calls = subjectKeys.stream()
                .distinct()
                .map(key -> redis.<Long>call(c -> c.eval(INVALIDATE, ScriptOutputType.INTEGER,
                        new String[]{viewsKey(key), generationKey(key)}, generationTtl)))
                .toList();
        return Uni.join().all(calls).andCollectFailures().replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf("cache invalidation of %d subjects failed (%s); entries expire within %s",
                        subjectKeys.size(), e.getMessage(), ttl))
                .onFailure().recoverWithNull();
    }

    private String viewsKey(String subjectKey) {
        return redis.key("{" + subjectKey + "}", "views");
    }

    private String generationKey(String subjectKey) {
        return redis.key("{" + subjectKey + "}", "gen");
    }
}
