package io.creditquery.usage;

import io.creditquery.audit.AuditContext;
import io.creditquery.common.ProblemException;
import io.creditquery.common.QueryParams;
import io.creditquery.ratelimit.RateLimiter;
import io.quarkus.security.Authenticated;
import io.creditquery.security.Caller;
import io.creditquery.security.CurrentCaller;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** An API key's own usage (calls, billed units, quota left), read from the audit log. */
@Path("/api/v1/usage")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class UsageResource {

    static final int MAX_DAYS = 92;

    private final UsageRepository usage;
    private final RateLimiter limiter;
    private final AuditContext audit;
    private final CurrentCaller callers;

    public UsageResource(UsageRepository usage, RateLimiter limiter, AuditContext audit, CurrentCaller callers) {
        this.usage = usage;
        this.limiter = limiter;
        this.audit = audit;
        this.callers = callers;
    }

    /** Days {@code from} to {@code to} inclusive (Asia/Shanghai), by default the last seven; at most 92 days. */
    @GET
    public Uni<UsageReport> usage(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate today = LocalDate.now(RateLimiter.PLATFORM_ZONE);
        LocalDate last = date("to", to, today);
        LocalDate first = date("from", from, last.minusDays(6));
        if (last.isBefore(first)) {
            throw ProblemException.badRequest("to", "is before from");
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw ProblemException.badRequest("from", "spans more than " + MAX_DAYS + " days; ask for a shorter period");
        }
        Caller caller = callers.get();
        String keyId = caller.apiKeyId();
        if (keyId == null) {
            throw ProblemException.forbidden("usage is reported to API-key holders, for their own key");
        }
        audit.query("from", first).query("to", last);
        Integer quota = caller.dailyQuota();
        Integer perMinute = caller.ratePerMinute();
        return Uni.combine().all().unis(usage.lines(keyId, first, last), limiter.today(caller.rateLimitKey())).asTuple()
                .map(both -> {
                    var lines = both.getItem1();
                    long usedToday = both.getItem2();
                    return new UsageReport(keyId, first, last, quota, usedToday,
                            quota == null ? null : Math.max(0, quota - usedToday), perMinute,
                            new UsageReport.Totals(lines.stream().mapToLong(UsageReport.Line::calls).sum(),
                                    lines.stream().mapToLong(UsageReport.Line::refused).sum(),
                                    lines.stream().mapToLong(UsageReport.Line::billedUnits).sum()),
                            lines);
                });
    }

    private static LocalDate date(String name, String text, LocalDate otherwise) {
        String value = QueryParams.text(name, text, false, 10);
        if (value == null) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name, "'" + value + "' is not a date (YYYY-MM-DD)");
        }
    }
}
