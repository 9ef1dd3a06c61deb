package io.creditquery.search;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "credit.search")
public interface SearchConfig {

    /** Alias that every read and write uses; versioned indices named {alias}-v{timestamp} sit behind it. */
    @WithDefault("cq-subjects")
    String subjectsAlias();

    /** Subjects per outbox drain and per bulk request (2000 measured best on 2 cores, see load-tests/RESULTS.md). */
    @WithDefault("2000")
    int batchSize();

    /** Cache search answers in Redis (off only to measure the uncached path). */
    @WithDefault("true")
    boolean cacheEnabled();

    /** How often the outbox is polled besides the immediate drain after each ingest (catches up after outages). */
    @WithDefault("1s")
    Duration pollInterval();
}
