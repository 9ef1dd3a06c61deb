package io.creditquery.frontdoor;

import io.creditquery.audit.AuditContext;
import io.creditquery.common.Problem;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.lang.annotation.Annotation;
import java.util.List;

/**
 * Answers of resources (and of RESTEasy's own refusals: security, media types, mapped exceptions) leave with their
 * audit event: the response waits until the event is committed and becomes a 503 problem if it cannot be (fail
 * closed). Refusals before RESTEasy are audited by the front door.
 */
public class AuditFilter {

    private final RequestAudit audit;
    private final AuditContext context;

    public AuditFilter(RequestAudit audit, AuditContext context) {
        this.audit = audit;
        this.context = context;
    }

    @ServerResponseFilter
    public Uni<Void> record(ContainerResponseContext response, RoutingContext ctx) {
        Exchange exchange = Exchange.of(ctx);
        if (exchange == null) {
            return Uni.createFrom().voidItem();
        }
        if (!exchange.claim()) {
            // The deadline answered first (and audited its 503): whichever of the two writes, the client gets that.
            Exchange.Refusal refusal = exchange.refusal();
            if (refusal != null) {
                response.setStatus(refusal.problem().status());
                refusal.headers().forEach(response.getHeaders()::putSingle);
                setProblem(response, ctx, refusal.problem());
            }
            return Uni.createFrom().voidItem();
        }
        return audit.record(ctx, exchange, response.getStatus(), context.query(), List.copyOf(context.subjects()))
                .onFailure().recoverWithItem(failure -> {
                    response.setStatus(RequestAudit.UNAVAILABLE.status());
                    RequestAudit.RETRY_LATER.forEach(response.getHeaders()::putSingle);
                    setProblem(response, ctx, RequestAudit.UNAVAILABLE.at(ctx.request().path()));
                    return null;
                });
    }

    /** A problem set here (after the resource answered) in the caller's language, like every other problem. */
    private static void setProblem(ContainerResponseContext response, RoutingContext ctx, Problem problem) {
        ProblemLanguage.Answer answer = ProblemLanguage.forCaller(problem, ctx.request().getHeader("Accept-Language"));
        answer.headers().forEach(response.getHeaders()::putSingle);
        response.setEntity(answer.problem(), new Annotation[0], MediaType.valueOf(Problem.MEDIA_TYPE));
    }
}
