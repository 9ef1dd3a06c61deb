package io.creditquery.audit;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * One audited API request: who, what, when, outcome. Never holds a secret or a clear-text personal ID.
 * {@code requestId} is the server's own; {@code clientRequestId} is the X-Request-Id a client sent, if any.
 */
public record AuditEvent(
        OffsetDateTime occurredAt,
        String actorKind,
        String actorId,
        String department,
        String apiKeyId,
        String clientIp,
        String method,
        String endpoint,
        Map<String, String> query,
        List<String> subjects,
        int resultCount,
        int status,
        long latencyMicros,
        String requestId,
        String clientRequestId) {
}
