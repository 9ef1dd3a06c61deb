package io.creditquery.common;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;

/**
 * A body declared larger than {@code quarkus.http.limits.max-body-size} gets a problem body naming the limit.
 * Runs just before Quarkus's own check (route order -2), which would answer the same 413 with an empty body.
 * A chunked body without Content-Length that grows past the limit still gets Quarkus's bare 413.
 */
@Singleton
public class BodyLimitProblem {

    private final long limit;

    public BodyLimitProblem(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit) {
        this.limit = limit.asLongValue();
    }

    void install(@Observes Router router) {
        router.route("/api/*").order(-3).handler(ctx -> {
            String declared = ctx.request().getHeader("Content-Length");
            long length;
            try {
                length = declared == null ? -1 : Long.parseLong(declared.strip());
            } catch (NumberFormatException e) {
                length = -1;
            }
            if (length <= limit) {
                ctx.next();
                return;
            }
            String reason = "is " + length + " bytes; at most " + limit + " bytes are accepted (ingest: split into requests of ≤ 10,000 lines)";
            Problem problem = Problem.of(413, "body-too-large", "Content Too Large", "body: " + reason,
                    List.of(new FieldError("body", reason))).at(ctx.request().path());
            ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Connection", "close").end(Json.encode(problem));
        });
    }
}
