package io.creditquery.frontdoor;

import io.creditquery.common.Problem;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;

import java.io.IOException;

/**
 * Every problem a resource, a mapper or a filter answers passes here as it is written (after every filter, so
 * refusals set by the audit filter too): in Chinese if the caller's {@code Accept-Language} asks for it
 * ({@link ProblemLanguage}). The front door's own refusals are translated where it writes them.
 */
@Provider
public class ProblemLanguageInterceptor implements WriterInterceptor {

    private final CurrentVertxRequest request;

    public ProblemLanguageInterceptor(CurrentVertxRequest request) {
        this.request = request;
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        // A mapped problem (ProblemMappers) is already in the caller's language.
        if (context.getEntity() instanceof Problem problem && !context.getHeaders().containsKey(HttpHeaders.CONTENT_LANGUAGE)) {
            context.getHeaders().add(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
            RoutingContext current = request.getCurrent();
            ProblemLanguage.Answer answer = ProblemLanguage.forCaller(problem,
                    current == null ? null : current.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
            if (answer.contentLanguage() != null) {
                context.setEntity(answer.problem());
                context.getHeaders().putSingle(HttpHeaders.CONTENT_LANGUAGE, answer.contentLanguage());
            }
        }
        context.proceed();
    }
}
