package io.creditquery.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "credit.audit")
public interface AuditConfig {

    /** Key of the chain's HMAC (hex, at least 16 bytes); from the environment, never in the database. */
    String chainKey();

    /** How long the first event of a batch waits for others before the batch is written (group commit). */
    @WithDefault("2ms")
    Duration batchWindow();

    /**
     * Only for measuring what the audit costs (load-tests/audit-bench.sh): with false, queries are answered
     * without an audit record, which production must never do; the service logs an error at start.
     */
    @WithDefault("true")
    boolean enabled();

    /** Batches of one replica written concurrently (pipelined onto the chain head). */
    @WithDefault("4")
    int maxInFlight();

    /** Most events written in one multi-row insert. */
    @WithDefault("500")
    int maxBatch();
}
