package io.creditquery.ratelimit;

import io.creditquery.common.Problem;
import io.creditquery.common.ProblemException;
import io.creditquery.security.Caller;
import io.creditquery.security.RateLimitConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rate limits and quotas, decided before any work is done: API keys by their own limits, anonymous callers per
 * client address, department, subject and admin tokens not limited. Over the limit: a 429 problem with
 * Retry-After. Every limited answer carries the RateLimit-Limit / -Remaining / -Reset and RateLimit-Policy headers.
 *
 * <p>Redis unavailable: API keys are refused with 503 (fail closed: a contract's limits cannot be enforced), anonymous
 * traffic passes (fail open: the portal stays up; the per-replica connection limits of the load balancer remain).
 */
@ApplicationScoped
public class RateLimits {

    /** The headers every answer to the caller carries, and the refusal if it is over a limit (else null). */
    public record Verdict(Map<String, String> headers, Problem refusal) {
        static final Verdict UNLIMITED = new Verdict(Map.of(), null);
    }

    private final RateLimiter limiter;
    private final RateLimitConfig config;

    public RateLimits(RateLimiter limiter, RateLimitConfig config) {
        this.limiter = limiter;
        this.config = config;
    }

    /**
     * An anonymous client address's own, lower limit for an expensive kind of request ({@code kind}: e.g. credit
     * reports, each rendered and stored), counted apart from its general limit. Fails with a 429 problem over it;
     * other callers pass (their general limits apply), and so does everyone while Redis is unavailable.
     */
    public Uni<Void> anonymousLimit(Caller caller, String kind, int perMinute) {
        if (caller.kind() != Caller.Kind.ANONYMOUS) {
            return Uni.createFrom().voidItem();
        }
        return limiter.count(kind + ":" + caller.rateLimitKey(), false)
                .onFailure().recoverWithNull()
                .invoke(usage -> {
                    if (usage != null && usage.minute() > perMinute) {
                        long reset = resetSeconds(usage);
                        throw new ProblemException(overMinuteLimit(perMinute, kind + " requests in a minute from this"
                                + " address", reset)).retryAfter((int) reset);
                    }
                })
                .replaceWithVoid();
    }

    public Uni<Verdict> check(Caller caller) {
        String client = caller.rateLimitKey();
        if (client == null) {
            return Uni.createFrom().item(Verdict.UNLIMITED);
        }
        boolean partner = caller.kind() == Caller.Kind.PARTNER;
        int perMinute = partner && caller.ratePerMinute() != null ? caller.ratePerMinute()
                : partner ? config.partnerPerMinute() : config.anonymousPerMinute();
        Integer quota = partner ? caller.dailyQuota() : null;
        return limiter.count(client, quota != null).map(usage -> {
            long resetSeconds = resetSeconds(usage);
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("RateLimit-Limit", Integer.toString(perMinute));
            headers.put("RateLimit-Remaining", Long.toString(Math.max(0, perMinute - usage.minute())));
            headers.put("RateLimit-Reset", Long.toString(resetSeconds));
            headers.put("RateLimit-Policy", perMinute + ";w=60" + (quota != null ? ", " + quota + ";w=86400" : ""));
            if (usage.minute() > perMinute) {
                headers.put("Retry-After", Long.toString(resetSeconds));
                return new Verdict(headers, overMinuteLimit(perMinute, "requests in a minute", resetSeconds));
            }
            if (quota != null && usage.today() > quota) {
                long untilMidnight = Duration.between(ZonedDateTime.now(RateLimiter.PLATFORM_ZONE),
                        LocalDate.now(RateLimiter.PLATFORM_ZONE).plusDays(1).atStartOfDay(RateLimiter.PLATFORM_ZONE)).toSeconds();
                headers.put("Retry-After", Long.toString(Math.max(1, untilMidnight)));
                return new Verdict(headers, Problem.of(429, "quota-exhausted", "the daily quota of " + quota
                        + " requests is used up; it renews at midnight (Asia/Shanghai)", null));
            }
            return new Verdict(headers, null);
        }).onFailure().recoverWithItem(e -> partner
                ? new Verdict(Map.of("Retry-After", "5"), Problem.of(503, "rate-limit-unavailable",
                "limits of API keys cannot be enforced right now; try again later", null))
                : Verdict.UNLIMITED);
    }

    /** Whole seconds until the minute window resets, at least one. */
    private static long resetSeconds(RateLimiter.Usage usage) {
        return Math.max(1, (usage.resetMillis() + 999) / 1000);
    }

    private static Problem overMinuteLimit(int perMinute, String what, long resetSeconds) {
        return Problem.of(429, "rate-limited", "more than " + perMinute + " " + what + "; retry after " + resetSeconds
                + " s", null);
    }
}
