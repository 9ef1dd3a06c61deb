package io.creditquery.common;

import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import java.util.Map;

/** Requests no route matches get a problem body too, instead of Vert.x's plain-text 404. */
@Singleton
public class UnmatchedRouteProblem {

    void install(@Observes Router router) {
        router.route().last().handler(ctx -> {
            if (ctx.response().ended()) {
                return;
            }
            RouteProblems.send(ctx, Problem.of(404, "not-found", "Not Found", "no resource at " + ctx.request().path(),
                    null), Map.of());
        });
    }
}
