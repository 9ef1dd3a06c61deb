package io.creditquery.job;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "credit.jobs")
public interface JobConfig {

    /** Codes per job at most. */
    @WithDefault("100000")
    int maxCodes();

    /** Codes answered per transaction; one chunk at a time per replica, so jobs never crowd out interactive checks. */
    @WithDefault("500")
    int chunkSize();
}
