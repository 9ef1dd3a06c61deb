package io.creditquery.cache;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "credit.redis")
public interface RedisConfig {

    /** Lettuce URI, e.g. redis://127.0.0.1:6379/0 or redis-sentinel://host1,host2/0#mymaster. */
    @WithDefault("redis://127.0.0.1:6379/0")
    String uri();

    /** A command slower than this fails, and the caller falls back to the stores behind the cache. */
    @WithDefault("500ms")
    Duration commandTimeout();

    /** After a failed connection attempt or a timed-out command, how long callers skip Redis before trying again. */
    @WithDefault("2s")
    Duration reconnectBackoff();

    /** Prefix of every key, so that several environments can share one Redis. */
    @WithDefault("cq")
    String keyPrefix();
}
