package io.creditquery.common;

import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;

import java.util.Map;

/** Problem answers from Vert.x route handlers, which run before (or without) RESTEasy and its exception mappers. */
final class RouteProblems {

    private RouteProblems() {
    }

    /** Ends the response with {@code problem} (its instance set to the request path) and the given headers. */
    static void send(RoutingContext ctx, Problem problem, Map<String, String> headers) {
        var response = ctx.response().setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE);
        headers.forEach(response::putHeader);
        response.end(Json.encode(problem.at(ctx.request().path())));
    }
}
