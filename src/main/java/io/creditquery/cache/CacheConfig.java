package io.creditquery.cache;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "credit.cache")
public interface CacheConfig {

    /** How long a rendered subject view lives in Redis; the bound on staleness if an invalidation is lost. */
    @WithDefault("10m")
    Duration profileTtl();
}
