package io.creditquery.security;

import io.creditquery.ratelimit.RateLimitConfig;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;

/** The client's address, for rate limits and audit alike: the trusted proxy's header when configured, else the TCP peer. */
@ApplicationScoped
public class ClientAddress {

    private final RateLimitConfig config;

    public ClientAddress(RateLimitConfig config) {
        this.config = config;
    }

    public String of(HttpServerRequest request) {
        if (config.clientIpHeader().isPresent()) {
            String forwarded = request.getHeader(config.clientIpHeader().get());
            if (forwarded != null && !forwarded.isBlank()) {
                return forwarded.split(",")[0].trim();
            }
        }
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
