package io.creditquery.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

@ConfigMapping(prefix = "credit.ratelimit")
public interface RateLimitConfig {

    /** Requests a minute from one client IP without credentials (portal, apps). */
    @WithDefault("600")
    int anonymousPerMinute();

    /** Requests a minute for an API key that has no limit of its own. */
    @WithDefault("600")
    int partnerPerMinute();

    /**
     * Header a trusted reverse proxy sets with the client address (e.g. X-Forwarded-For: its first entry is used).
     * Unset: the TCP peer address (never trust such a header from the internet directly).
     */
    Optional<String> clientIpHeader();
}
