package io.creditquery.frontdoor;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Sizes the front door refuses with a problem answer before anything is read. The HTTP decoder's own limits
 * (quarkus.http.limits.max-initial-line-length and max-header-size, 64 KiB) stay above these: only a request past
 * those gets the decoder's bare 414/431, which no application code sees.
 */
@ConfigMapping(prefix = "credit.limits")
public interface RequestLimitsConfig {

    /** Largest JSON or NDJSON body (read into memory). */
    @WithDefault("32M")
    MemorySize maxBody();

    /** Largest uploaded template file (streamed to disk, then read in chunks); keep quarkus.http.limits.max-body-size at least this. */
    @WithDefault("1G")
    MemorySize maxUpload();

    /** Longest request target (path and query) in characters. */
    @WithDefault("32768")
    int maxUri();

    /** Largest sum of header names and values in bytes (browsers' cookies and a JWT fit many times over). */
    @WithDefault("20480")
    int maxHeaders();
}
