package io.creditquery.watch;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

@ConfigMapping(prefix = "credit.watch")
public interface WatchConfig {

    /** Subjects per watchlist at most. */
    @WithDefault("10000")
    int maxSubjects();

    /** How often changed watched subjects are compared with what their watchers were last told. */
    @WithDefault("2s")
    Duration scanEvery();

    /**
     * Hosts a webhook may reach over plain http (development and tests); every other webhook must use https.
     * Empty in production.
     */
    Optional<Set<String>> webhookHttpHosts();

    /** Delivery attempts of one event before it is left for the watcher to read from the events endpoint. */
    @WithDefault("8")
    int webhookAttempts();

    @WithDefault("5s")
    Duration webhookTimeout();
}
