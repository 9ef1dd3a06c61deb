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

    /**
     * Facet counts come from the best-scoring this many matches (per shard): exact below it, a sample above, so that
     * the broadest queries on a large index do not pay a pass over every match for their facets.
     */
    @WithDefault("10000")
    int facetSample();

    /** How often the outbox is polled besides the immediate drain after each ingest (catches up after outages). */
    @WithDefault("1s")
    Duration pollInterval();
}
