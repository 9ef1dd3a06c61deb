package io.creditquery.frontdoor;

import io.creditquery.audit.AuditConfig;
import io.creditquery.audit.AuditContext;
import io.creditquery.audit.AuditEvent;
import io.creditquery.audit.AuditLog;
import io.creditquery.common.Problem;
import io.creditquery.security.Caller;
import io.creditquery.security.ClientAddress;
import io.creditquery.security.PersonalIds;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The audit event of one API request, answered or refused, written by whichever part of the pipeline claimed
 * the answer (the front door, the resource's response filter, or the end of the exchange). Callers before
 * identification (overload, browser origin, credentials) are recorded as {@value #UNIDENTIFIED}.
 */
@ApplicationScoped
public class RequestAudit {

    public static final String UNIDENTIFIED = "UNIDENTIFIED";
    /** The answer to a request whose event cannot be written (fail closed), and its header. */
    public static final Problem UNAVAILABLE = Problem.of(503, "audit-unavailable",
            "the audit log cannot be written, so no query is answered; try again later", null);
    public static final Map<String, String> RETRY_LATER = Map.of("Retry-After", "5");

    private final AuditLog log;
    private final ClientAddress clientAddress;
    private final boolean enabled;

    public RequestAudit(AuditLog log, ClientAddress clientAddress, AuditConfig config) {
        this.log = log;
        this.clientAddress = clientAddress;
        this.enabled = config.enabled();
    }

    /** Completes once the event is durable; fails if it cannot be written. */
    public Uni<Void> record(RoutingContext ctx, Exchange exchange, int status, Map<String, String> query,
                            List<String> subjects) {
        if (!enabled) {
            return Uni.createFrom().voidItem();
        }
        Caller caller = exchange.caller();
        HttpServerRequest http = ctx.request();
        return log.append(new AuditEvent(OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS),
                caller == null ? UNIDENTIFIED : caller.kind().name(), caller == null ? null : caller.actorId(),
                caller == null ? null : caller.department(), caller == null ? null : caller.apiKeyId(),
                caller == null ? clientAddress.of(http) : caller.clientIp(), http.method().name(),
                AuditContext.storable(PersonalIds.redactPath(http.path()), 512), query, subjects, subjects.size(), status,
                exchange.latencyMicros(), exchange.requestId(), exchange.clientRequestId()));
    }
}
