package io.creditquery.frontdoor;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "credit.overload")
public interface OverloadConfig {

    /**
     * API requests in progress at once; one more is answered 503 with Retry-After at once rather than queued
     * behind the others (latency stays bounded; clients back off). Sized well above the connection counts the
     * load tests sustain (256) on two cores.
     */
    @WithDefault("1024")
    int maxInFlight();

    /**
     * The longest an API request may take; past it the client gets a 503 problem instead of waiting on a store that
     * is slow but not failing (each store's own timeouts are shorter; this is the bound on their sum).
     */
    @WithDefault("30s")
    Duration requestDeadline();

    /** The deadline of a template file upload, which is imported while the client waits (a million rows take minutes). */
    @WithDefault("1h")
    Duration uploadDeadline();

    /** Seconds a refused client is asked to wait. */
    @WithDefault("1")
    int retryAfterSeconds();
}
