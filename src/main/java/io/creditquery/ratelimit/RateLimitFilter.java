package io.creditquery.ratelimit;

import io.creditquery.apikey.ApiKeyIdentityProvider;
import io.creditquery.common.Problem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rate limits and quotas before any work is done: API keys by their own limits, anonymous callers per client IP,
 * department tokens not limited. Over the limit: 429 problem with Retry-After. Every limited answer carries the
 * RateLimit-Limit / -Remaining / -Reset and RateLimit-Policy headers. Presented credentials that are not valid are
 * refused here (401) rather than served as anonymous.
 *
 * <p>Redis unavailable: API keys are refused with 503 (fail closed: a contract's limits cannot be enforced), anonymous
 * traffic passes (fail open: the portal stays up; the per-replica connection limits of the load balancer remain).
 */
public class RateLimitFilter {

    private static final String HEADERS = "credit.ratelimit.headers";

    private final CurrentIdentityAssociation identities;
    private final RateLimiter limiter;
    private final RateLimitConfig config;

    public RateLimitFilter(CurrentIdentityAssociation identities, RateLimiter limiter, RateLimitConfig config) {
        this.identities = identities;
        this.limiter = limiter;
        this.config = config;
    }

    @ServerRequestFilter
    public Uni<Response> limit(ContainerRequestContext request, HttpServerRequest http) {
        if (!http.path().startsWith("/api/v1/")) {
            return Uni.createFrom().nullItem();
        }
        return identities.getDeferredIdentity()
                .chain(identity -> check(request, http, identity))
                .onFailure(AuthenticationFailedException.class).recoverWithItem(e -> problem(401, "unauthorized",
                        "Unauthorized", "the presented credentials are not valid (unknown, revoked or expired)", http,
                        Map.of("WWW-Authenticate", "Bearer, ApiKey")));
    }

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(HEADERS) instanceof Map<?, ?> headers) {
            headers.forEach((name, value) -> response.getHeaders().putSingle((String) name, value));
        }
    }

    private Uni<Response> check(ContainerRequestContext request, HttpServerRequest http, SecurityIdentity identity) {
        String client;
        int perMinute;
        Integer dailyQuota = null;
        boolean partner = identity.getAttribute(ApiKeyIdentityProvider.API_KEY_ID) != null;
        if (partner) {
            client = "key:" + identity.getAttribute(ApiKeyIdentityProvider.API_KEY_ID);
            Integer own = identity.getAttribute(ApiKeyIdentityProvider.RATE_PER_MINUTE);
            perMinute = own != null ? own : config.partnerPerMinute();
            dailyQuota = identity.getAttribute(ApiKeyIdentityProvider.DAILY_QUOTA);
        } else if (identity.isAnonymous()) {
            client = "ip:" + clientIp(http);
            perMinute = config.anonymousPerMinute();
        } else {
            return Uni.createFrom().nullItem();
        }
        Integer quota = dailyQuota;
        return limiter.count(client, quota != null).map(usage -> {
            long resetSeconds = Math.max(1, (usage.resetMillis() + 999) / 1000);
            Map<String, Object> headers = new LinkedHashMap<>();
            headers.put("RateLimit-Limit", perMinute);
            headers.put("RateLimit-Remaining", Math.max(0, perMinute - usage.minute()));
            headers.put("RateLimit-Reset", resetSeconds);
            headers.put("RateLimit-Policy", perMinute + ";w=60" + (quota != null ? ", " + quota + ";w=86400" : ""));
            request.setProperty(HEADERS, headers);
            if (usage.minute() > perMinute) {
                headers.put("Retry-After", resetSeconds);
                return problem(429, "rate-limited", "Too Many Requests", "more than " + perMinute
                        + " requests in a minute; retry after " + resetSeconds + " s", http, headers);
            }
            if (quota != null && usage.today() > quota) {
                long untilMidnight = java.time.Duration.between(ZonedDateTime.now(RateLimiter.PLATFORM_ZONE),
                        LocalDate.now(RateLimiter.PLATFORM_ZONE).plusDays(1).atStartOfDay(RateLimiter.PLATFORM_ZONE)).toSeconds();
                headers.put("Retry-After", Math.max(1, untilMidnight));
                return problem(429, "quota-exhausted", "Too Many Requests", "the daily quota of " + quota
                        + " requests is used up; it renews at midnight (Asia/Shanghai)", http, headers);
            }
            return (Response) null;
        }).onFailure().recoverWithItem(e -> partner
                ? problem(503, "rate-limit-unavailable", "Service Unavailable",
                "limits of API keys cannot be enforced right now; try again later", http, Map.of("Retry-After", 5))
                : null);
    }

    private String clientIp(HttpServerRequest http) {
        if (config.clientIpHeader().isPresent()) {
            String forwarded = http.getHeader(config.clientIpHeader().get());
            if (forwarded != null && !forwarded.isBlank()) {
                return forwarded.split(",")[0].trim();
            }
        }
        return http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
    }

    private static Response problem(int status, String slug, String title, String detail, HttpServerRequest http,
                                    Map<String, ?> headers) {
        Response.ResponseBuilder builder = Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(status, slug, title, detail, null).at(http.path()));
        headers.forEach(builder::header);
        return builder.build();
    }
}
