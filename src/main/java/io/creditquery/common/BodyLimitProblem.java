package io.creditquery.common;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/**
 * Body sizes, checked before anything is read: JSON and NDJSON bodies up to {@code credit.limits.max-body}, file
 * uploads (streamed to disk) up to {@code max-upload}; a larger declared body gets a 413 problem naming the limit.
 * Bodies read into memory must declare their length (411 otherwise), so a chunked body cannot grow past the limit
 * unseen. Runs just before Quarkus's own check (route order -2), whose 413 has an empty body.
 */
@Singleton
public class BodyLimitProblem {

    static final String UPLOAD_PATH = "/api/v1/ingest/files";

    private final long maxBody;
    private final long maxUpload;

    public BodyLimitProblem(BodyLimitConfig config) {
        this.maxBody = config.maxBody().asLongValue();
        this.maxUpload = config.maxUpload().asLongValue();
    }

    void install(@Observes Router router) {
        router.route("/api/*").order(-3).handler(ctx -> {
            boolean upload = ctx.request().path().equals(UPLOAD_PATH);
            long limit = upload ? maxUpload : maxBody;
            String declared = ctx.request().getHeader("Content-Length");
            if (declared == null) {
                boolean chunked = "chunked".equalsIgnoreCase(ctx.request().getHeader("Transfer-Encoding"));
                if (chunked && !upload && ctx.request().method() != HttpMethod.GET) {
                    refuse(ctx, 411, "length-required", "Length Required", "must declare its size in Content-Length");
                    return;
                }
                ctx.next();
                return;
            }
            long length;
            try {
                length = Long.parseLong(declared.strip());
            } catch (NumberFormatException e) {
                length = Long.MAX_VALUE;
            }
            if (length <= limit) {
                ctx.next();
                return;
            }
            refuse(ctx, 413, "body-too-large", "Content Too Large", "is " + length + " bytes; at most " + limit
                    + " bytes are accepted here" + (upload ? "" : " (ingest: split into requests of ≤ 10,000 lines)"));
        });
    }

    private static void refuse(RoutingContext ctx, int status, String slug, String title, String reason) {
        RouteProblems.send(ctx, Problem.of(status, slug, title, "body: " + reason, List.of(new FieldError("body", reason))),
                Map.of("Connection", "close"));
    }
}
