package io.creditquery.frontdoor;

import io.quarkus.runtime.configuration.MemorySize;
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

    /**
     * API requests in progress at once from one rate-limited client (an anonymous address's network, an API key);
     * one more is answered 429 at once and its connection closed. A request is in progress from its headers to its
     * answer, so a client that holds requests open (a body sent a byte at a time) holds at most this many of the
     * {@link #maxInFlight()} places. Short requests at this concurrency are far above any per-minute limit.
     */
    @WithDefault("64")
    int maxInProgressPerClient();

    /**
     * The slowest a request body may arrive, in bytes per second, measured over each {@link #bodyRateWindow()}
     * until the body is complete; slower: 408 and the connection closed. 4 KiB/s is below a poor mobile link and
     * far above a client that sends a byte at a time to hold a request open.
     */
    @WithDefault("4K")
    MemorySize minBodyRate();

    /** The window the body rate is measured over (the first starts with the headers). */
    @WithDefault("10s")
    Duration bodyRateWindow();

    /** Seconds a refused client is asked to wait. */
    @WithDefault("1")
    int retryAfterSeconds();
}
