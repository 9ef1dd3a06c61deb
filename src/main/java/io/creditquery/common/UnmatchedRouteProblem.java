package io.creditquery.common;

import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/** Requests no route matches get a problem body too, instead of Vert.x's plain-text 404. */
@Singleton
public class UnmatchedRouteProblem {

    void install(@Observes Router router) {
        router.route().last().handler(ctx -> {
            if (ctx.response().ended()) {
                return;
            }
            Problem problem = Problem.of(404, "not-found", "Not Found", "no resource at " + ctx.request().path(), null)
                    .at(ctx.request().path());
            ctx.response().setStatusCode(404).putHeader("Content-Type", Problem.MEDIA_TYPE).end(Json.encode(problem));
        });
    }
}
