package io.creditquery.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "credit.audit")
public interface AuditConfig {

    /** How long the first event of a batch waits for others before the batch is written (group commit). */
    @WithDefault("2ms")
    Duration batchWindow();

    /** Most events written in one multi-row insert. */
    @WithDefault("500")
    int maxBatch();
}
