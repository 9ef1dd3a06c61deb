package io.creditquery.common;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "credit.limits")
public interface BodyLimitConfig {

    /** Largest JSON or NDJSON body (read into memory). */
    @WithDefault("32M")
    MemorySize maxBody();

    /** Largest uploaded template file (streamed to disk, then read in chunks); keep quarkus.http.limits.max-body-size at least this. */
    @WithDefault("1G")
    MemorySize maxUpload();
}
