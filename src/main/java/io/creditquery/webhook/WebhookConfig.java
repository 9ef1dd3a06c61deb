package io.creditquery.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

@ConfigMapping(prefix = "credit.webhooks")
public interface WebhookConfig {

    /**
     * Hosts a webhook may reach over plain http (development and tests); every other webhook must use https.
     * Empty in production.
     */
    Optional<Set<String>> httpHosts();

    /** Delivery attempts of one call before it is given up (the data stays readable through the API). */
    @WithDefault("8")
    int attempts();

    @WithDefault("5s")
    Duration timeout();

    /**
     * How long a delivered or given-up call (its body and the target's secret) is kept before it is deleted; the
     * events themselves stay readable through the API.
     */
    @WithDefault("7d")
    Duration keepFinished();
}
