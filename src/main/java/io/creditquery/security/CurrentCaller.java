package io.creditquery.security;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/** The caller of the current request, as the front door identified it before the request was routed. */
@ApplicationScoped
public class CurrentCaller {

    private final CurrentVertxRequest request;

    public CurrentCaller(CurrentVertxRequest request) {
        this.request = request;
    }

    public Caller get() {
        RoutingContext ctx = request.getCurrent();
        Caller caller = ctx == null ? null : ctx.get(Caller.ATTRIBUTE);
        if (caller == null) {
            throw new IllegalStateException("no caller: the request did not pass the front door");
        }
        return caller;
    }
}
