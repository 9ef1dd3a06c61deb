package io.creditquery.audit;

import io.creditquery.apikey.ApiKeyIdentityProvider;
import io.creditquery.common.Problem;
import io.creditquery.security.Callers;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.lang.annotation.Annotation;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Every /api/v1 request, answered or refused, leaves one audit event; the response waits until the event is
 * committed and becomes a 503 problem if it cannot be (fail closed).
 */
public class AuditFilter {

    private static final String API_PREFIX = "/api/v1/";

    private final AuditLog log;
    private final AuditContext context;
    private final CurrentIdentityAssociation identities;
    private final boolean enabled;

    public AuditFilter(AuditLog log, AuditContext context, CurrentIdentityAssociation identities, AuditConfig config) {
        this.log = log;
        this.context = context;
        this.identities = identities;
        this.enabled = config.enabled();
    }

    @ServerRequestFilter(preMatching = true)
    public void start() {
        context.started(System.nanoTime());
    }

    @ServerResponseFilter
    public Uni<Void> record(ContainerRequestContext request, ContainerResponseContext response,
                            HttpServerRequest http) {
        String path = http.path();
        if (!enabled || !path.startsWith(API_PREFIX)) {
            return Uni.createFrom().voidItem();
        }
        long latencyMicros = (System.nanoTime() - context.startedNanos()) / 1_000;
        String requestId = http.getHeader("X-Request-Id");
        return identities.getDeferredIdentity()
                .onFailure().recoverWithItem((SecurityIdentity) null)
                .map(identity -> new AuditEvent(OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS), actorKind(identity), actorId(identity),
                        Callers.department(identity), apiKeyId(identity), clientIp(http), http.method().name(), path, context.query(),
                        List.copyOf(context.subjects()), context.subjects().size(), response.getStatus(),
                        latencyMicros, requestId != null ? AuditContext.storable(requestId, 64) : newRequestId()))
                .chain(log::append)
                .onFailure().recoverWithItem(failure -> {
                    response.setStatus(503);
                    response.getHeaders().putSingle("Retry-After", "5");
                    response.setEntity(Problem.of(503, "audit-unavailable", "Service Unavailable",
                                    "the audit log cannot be written, so no query is answered; try again later", null)
                                    .at(path),
                            new Annotation[0], MediaType.valueOf(Problem.MEDIA_TYPE));
                    return null;
                });
    }

    private static String actorKind(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return "ANONYMOUS";
        }
        if (apiKeyId(identity) != null) {
            return "PARTNER";
        }
        if (identity.getPrincipal() instanceof JsonWebToken) {
            return Callers.department(identity) != null ? "DEPARTMENT" : "SUBJECT";
        }
        return "OTHER";
    }

    private static String apiKeyId(SecurityIdentity identity) {
        return identity == null ? null : identity.getAttribute(ApiKeyIdentityProvider.API_KEY_ID);
    }

    private static String actorId(SecurityIdentity identity) {
        return identity == null || identity.isAnonymous() ? null : identity.getPrincipal().getName();
    }

    private static String clientIp(HttpServerRequest http) {
        return http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
    }

    /** Unique enough to find a request again; not a secret, so no SecureRandom (which serialises threads). */
    private static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }
}
