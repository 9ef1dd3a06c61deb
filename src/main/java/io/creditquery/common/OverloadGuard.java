package io.creditquery.common;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Back-pressure at the door: past {@code credit.overload.max-in-flight} API requests in progress, a new one is
 * refused with 503 and Retry-After before it reads or queues anything, instead of waiting behind the store pools
 * and letting latency grow without bound; a request still running at {@code request-deadline} is answered 503
 * too. Runs before the body-size check and Quarkus's own handlers.
 */
@Singleton
public class OverloadGuard {

    private final AtomicInteger inFlight = new AtomicInteger();
    private final OverloadConfig config;

    public OverloadGuard(OverloadConfig config) {
        this.config = config;
    }

    void install(@Observes Router router) {
        router.route("/api/*").order(-4).handler(ctx -> {
            if (inFlight.incrementAndGet() > config.maxInFlight()) {
                inFlight.decrementAndGet();
                refuse(ctx, "overloaded", "the service is at capacity; retry after " + config.retryAfterSeconds() + " s");
                return;
            }
            long allowed = (ctx.request().path().equals(BodyLimitProblem.UPLOAD_PATH) ? config.uploadDeadline()
                    : config.requestDeadline()).toMillis();
            long deadline = ctx.vertx().setTimer(allowed, ignored -> {
                if (!ctx.response().headWritten()) {
                    refuse(ctx, "deadline-exceeded", "the request did not complete within " + allowed
                            + " ms; retry after " + config.retryAfterSeconds() + " s");
                }
            });
            ctx.addEndHandler(ignored -> {
                ctx.vertx().cancelTimer(deadline);
                inFlight.decrementAndGet();
            });
            ctx.next();
        });
    }

    private void refuse(RoutingContext ctx, String slug, String detail) {
        RouteProblems.send(ctx, Problem.of(503, slug, "Service Unavailable", detail, null),
                Map.of("Retry-After", Integer.toString(config.retryAfterSeconds())));
    }

    public int inFlight() {
        return inFlight.get();
    }
}
