package io.creditquery.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "credit.demo")
public interface DemoConfig {

    /** Load the deterministic demo data set at start-up (bin/run turns it on). Idempotent: a rerun changes nothing. */
    @WithDefault("false")
    boolean load();

    @WithDefault("10000")
    int subjects();

    @WithDefault("20261123")
    long seed();

    /** Subjects per ingest batch while loading. */
    @WithDefault("1000")
    int batch();
}
