package io.creditquery.ratelimit;

import io.creditquery.cache.RedisStore;
import io.lettuce.core.ScriptOutputType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Fixed one-minute windows and a daily quota, counted atomically in Redis (one Lua call per request) and so shared
 * by every replica. Keys of one client share a hash tag (Redis Cluster-safe).
 */
@ApplicationScoped
public class RateLimiter {

    /** Quota days follow the platform's calendar. */
    public static final ZoneId PLATFORM_ZONE = ZoneId.of("Asia/Shanghai");

    private static final String COUNT = """
            local n = redis.call('INCR', KEYS[1])
            if n == 1 then redis.call('PEXPIRE', KEYS[1], 60000) end
            local ttl = redis.call('PTTL', KEYS[1])
            local d = 0
            if ARGV[1] == '1' then
              d = redis.call('INCR', KEYS[2])
              if d == 1 then redis.call('PEXPIRE', KEYS[2], 90000000) end
            end
            return {n, ttl, d}
            """;

    /** Counts after this request: in the current minute window, ms until it resets, and today (0 if no quota). */
    public record Usage(long minute, long resetMillis, long today) {
    }

    private final RedisStore redis;

    public RateLimiter(RedisStore redis) {
        this.redis = redis;
    }

    public Uni<Usage> count(String client, boolean withQuota) {
        String[] keys = {redis.key(tag(client), "minute"), dayKey(client)};
        return redis.<List<Long>>call(c -> c.eval(COUNT, ScriptOutputType.MULTI, keys, withQuota ? "1" : "0"))
                .map(values -> new Usage(values.get(0), Math.max(0, values.get(1)), values.get(2)));
    }

    /** Requests counted against the client's quota today (this one included), without counting. */
    public Uni<Long> today(String client) {
        return redis.<String>call(c -> c.get(dayKey(client))).map(n -> n == null ? 0L : Long.parseLong(n));
    }

    private String dayKey(String client) {
        return redis.key(tag(client), "day", LocalDate.now(PLATFORM_ZONE).toString());
    }

    private static String tag(String client) {
        return "{rl:" + client + "}";
    }
}
