package io.creditquery.frontdoor;

import io.creditquery.common.FieldError;
import io.creditquery.common.Problem;
import io.creditquery.common.VertxContexts;
import io.creditquery.ratelimit.RateLimits;
import io.creditquery.security.Caller;
import io.creditquery.security.Credentials;
import io.creditquery.security.CredentialsRefused;
import io.creditquery.security.PersonalIds;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.AsyncResult;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * The one way into the API. Every request whose path is not canonical or lies under {@code /api} takes the same
 * steps, and every answer or refusal on the way leaves exactly one audit event with its real status:
 * <ol>
 *   <li>before anything else (route order {@value #OPEN}, ahead of Quarkus's CORS filter at -300): a server-made
 *   request id, the in-flight limit (503 {@code overloaded}), the request deadline (503 {@code deadline-exceeded})
 *   and the slowest a body may arrive (408 {@code body-too-slow});</li>
 *   <li>after Quarkus has put the deferred identity in place (order {@value #ADMIT}; authentication at -200):
 *   the credentials (401), the one {@link Caller}, its requests in progress (429 {@code too-many-in-progress}), the
 *   rate limits (429), the canonical path (400), the sizes of
 *   the request target, headers and body (414, 431, 413, 411);</li>
 *   <li>RESTEasy: the parameter check ({@code QueryParameterFilter}), the resource, its audit ({@code AuditFilter});</li>
 *   <li>no route (404), and whatever else ends a request unclaimed — a CORS refusal, a client that went away
 *   (recorded as 499) — is audited when the exchange ends.</li>
 * </ol>
 */
@Singleton
public class FrontDoor {

    static final int OPEN = -301;
    static final int ADMIT = -190;
    public static final String REQUEST_ID = "X-Request-Id";
    private static final int CLIENT_CLOSED = 499;
    private static final Logger LOG = Logger.getLogger(FrontDoor.class);
    private static final Problem SERVER_ERROR = Problem.of(500, "server-error", "the request could not be processed", null);
    private static final Map<String, String> CLOSE = Map.of("Connection", "close");
    private static final BiConsumer<RoutingContext, Throwable> ANSWERED_HERE = (ctx, failure) -> {
    };

    private final RequestAudit audit;
    private final RateLimits limits;
    private final OverloadConfig overload;
    private final RequestLimitsConfig sizes;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final ClientsInProgress clients = new ClientsInProgress();

    public FrontDoor(RequestAudit audit, RateLimits limits, OverloadConfig overload, RequestLimitsConfig sizes) {
        this.audit = audit;
        this.limits = limits;
        this.overload = overload;
        this.sizes = sizes;
    }

    void install(@Observes Router router) {
        router.route().order(OPEN).handler(this::open);
        router.route().order(OPEN).failureHandler(this::unrouted);
        router.route().order(ADMIT).handler(this::admit);
        router.route().last().handler(this::unmatched);
    }

    public int inFlight() {
        return inFlight.get();
    }

    private void open(RoutingContext ctx) {
        String path = ctx.request().path();
        String pathRefusal = ctx.request().uri().indexOf('#') >= 0 ? "has a fragment (#), which is never sent"
                : CanonicalPath.refusal(path);
        if (pathRefusal == null && !CanonicalPath.isApi(path)) {
            ctx.next();
            return;
        }
        Exchange exchange = Exchange.open(ctx, pathRefusal);
        ctx.response().putHeader(REQUEST_ID, exchange.requestId());
        if (inFlight.incrementAndGet() > overload.maxInFlight()) {
            inFlight.decrementAndGet();
            refuse(ctx, exchange, Problem.of(503, "overloaded", "the service is at capacity; retry after "
                    + overload.retryAfterSeconds() + " s", null), retryAfter());
            return;
        }
        long allowed = (path.equals(RequestSizes.UPLOAD_PATH) ? overload.uploadDeadline() : overload.requestDeadline()).toMillis();
        long deadline = ctx.vertx().setTimer(allowed, ignored -> {
            if (!ctx.response().headWritten()) {
                refuse(ctx, exchange, Problem.of(503, "deadline-exceeded", "the request did not complete within "
                        + allowed + " ms; retry after " + overload.retryAfterSeconds() + " s", null), retryAfter());
            }
        });
        long bodyWatch = hasBodyToCome(ctx.request()) ? watchBodyRate(ctx, exchange) : -1;
        ctx.addEndHandler(ended -> {
            ctx.vertx().cancelTimer(deadline);
            if (bodyWatch >= 0) {
                ctx.vertx().cancelTimer(bodyWatch);
            }
            inFlight.decrementAndGet();
            ended(ctx, exchange, ended);
        });
        ctx.next();
    }

    private static boolean hasBodyToCome(HttpServerRequest request) {
        if (request.isEnded()) {
            return false;
        }
        String length = request.getHeader("Content-Length");
        return request.getHeader("Transfer-Encoding") != null || (length != null && !length.equals("0"));
    }

    /**
     * A client that holds a request open by sending its body slowly: each {@link OverloadConfig#bodyRateWindow()}
     * the body must have grown by the minimum rate, until it is complete.
     */
    private long watchBodyRate(RoutingContext ctx, Exchange exchange) {
        long window = overload.bodyRateWindow().toMillis();
        long minimum = overload.minBodyRate().asLongValue() * window / 1000;
        long[] readBefore = {0};
        return ctx.vertx().setPeriodic(window, timer -> {
            HttpServerRequest request = ctx.request();
            if (request.isEnded() || ctx.response().headWritten()) {
                ctx.vertx().cancelTimer(timer);
                return;
            }
            long read = request.bytesRead();
            if (read - readBefore[0] < minimum) {
                ctx.vertx().cancelTimer(timer);
                refuse(ctx, exchange, Problem.ofField(408, "body-too-slow", "body", "arrived at " + (read - readBefore[0])
                        * 1000 / window + " bytes/s; a request body must arrive at " + overload.minBodyRate().asLongValue()
                        + " bytes/s or faster"), CLOSE);
                return;
            }
            readBefore[0] = read;
        });
    }

    private void admit(RoutingContext ctx) {
        Exchange exchange = Exchange.of(ctx);
        if (exchange == null) {
            ctx.next();
            return;
        }
        FieldError credentials = Credentials.refusal(ctx.request());
        if (credentials != null) {
            refuse(ctx, exchange, unauthorized(credentials), Map.of("WWW-Authenticate", Credentials.WWW_AUTHENTICATE));
            return;
        }
        // Failed authentication is answered here, audited, rather than by Quarkus's default handler.
        ctx.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, ANSWERED_HERE);
        Uni<SecurityIdentity> identity = ctx.get(QuarkusHttpUser.DEFERRED_IDENTITY_KEY);
        VertxContexts.backToCaller(identity).subscribe().with(id -> identified(ctx, exchange, id), failure -> {
            if (failure instanceof AuthenticationFailedException) {
                String reason = CredentialsRefused.reasonOf(failure) != null ? CredentialsRefused.reasonOf(failure)
                        : "the presented credentials are not valid (unknown, revoked or expired)";
                refuse(ctx, exchange, unauthorized(new FieldError(credentialHeader(ctx), reason)),
                        Map.of("WWW-Authenticate", Credentials.WWW_AUTHENTICATE));
            } else {
                LOG.warnf("credentials could not be checked on %s %s: %s", ctx.request().method(),
                        PersonalIds.redactPath(ctx.request().path()), failure.toString());
                refuse(ctx, exchange, Problem.of(503, "identity-unavailable",
                        "the presented credentials cannot be checked right now; try again later", null), retryAfter());
            }
        });
    }

    private void identified(RoutingContext ctx, Exchange exchange, SecurityIdentity identity) {
        if (ctx.response().ended() || ctx.response().closed()) {
            // Answered meanwhile (the deadline, a slow body) or the client went away: the exchange has ended and
            // its end handlers have run, so nothing counted from here on would ever be released.
            return;
        }
        Caller caller = identity.getAttribute(Caller.ATTRIBUTE);
        if (caller == null) {
            LOG.errorf("an identity without a caller on %s %s", ctx.request().method(), PersonalIds.redactPath(ctx.request().path()));
            refuse(ctx, exchange, SERVER_ERROR, Map.of());
            return;
        }
        exchange.identified(caller);
        ctx.put(Caller.ATTRIBUTE, caller);
        String client = caller.rateLimitKey();
        if (client != null) {
            if (!clients.enter(client, overload.maxInProgressPerClient())) {
                refuse(ctx, exchange, Problem.of(429, "too-many-in-progress", "more than "
                        + overload.maxInProgressPerClient() + " requests in progress at once from this client; retry"
                        + " after " + overload.retryAfterSeconds() + " s", null), closeAndRetryLater());
                return;
            }
            ctx.addEndHandler(ended -> clients.leave(client));
        }
        limits.check(caller).subscribe().with(verdict -> {
            verdict.headers().forEach(ctx.response()::putHeader);
            if (verdict.refusal() != null) {
                refuse(ctx, exchange, verdict.refusal(), Map.of());
                return;
            }
            Problem oversized = exchange.pathRefusal() != null
                    ? Problem.ofField(400, "non-canonical-path", "path", exchange.pathRefusal())
                    : RequestSizes.refusal(ctx.request(), sizes);
            if (oversized != null) {
                refuse(ctx, exchange, oversized, oversized.status() == 400 ? Map.of() : CLOSE);
                return;
            }
            ctx.next();
        }, failure -> refuse(ctx, exchange, SERVER_ERROR, Map.of()));
    }

    private void unmatched(RoutingContext ctx) {
        if (ctx.response().ended()) {
            return;
        }
        Problem problem = Problem.of(404, "not-found", "no resource at " + ctx.request().path(), null);
        Exchange exchange = Exchange.of(ctx);
        if (exchange == null) {
            send(ctx, problem, Map.of());
        } else {
            refuse(ctx, exchange, problem, Map.of());
        }
    }

    /**
     * Requests Vert.x refuses before any handler runs: no Host (HTTP/1.1) or :authority (HTTP/2), a request target
     * that does not start with {@code /}. Failures of handlers that did run go on to Quarkus's failure handler.
     */
    private void unrouted(RoutingContext ctx) {
        if (Exchange.of(ctx) != null || (ctx.statusCode() != 400 && ctx.statusCode() != 404)) {
            ctx.next();
            return;
        }
        Exchange exchange = Exchange.open(ctx, null);
        ctx.response().putHeader(REQUEST_ID, exchange.requestId());
        refuse(ctx, exchange, ctx.statusCode() == 404
                ? Problem.ofField(400, "non-canonical-path", "path", "must start with /")
                : Problem.of(400, "bad-request", ctx.failure() == null ? "the request could not be routed"
                : ctx.failure().getMessage(), null), Map.of());
    }

    /** Answers with {@code problem} once its audit event is durable (a 503 if it cannot be); nothing if already answered. */
    private void refuse(RoutingContext ctx, Exchange exchange, Problem problem, Map<String, String> headers) {
        if (!exchange.claimFor(problem.at(ctx.request().path()), headers)) {
            return;
        }
        VertxContexts.backToCaller(audit.record(ctx, exchange, problem.status(), Map.of(), List.of()))
                .subscribe().with(ignored -> send(ctx, problem, headers),
                        failure -> send(ctx, RequestAudit.UNAVAILABLE, RequestAudit.RETRY_LATER));
    }

    /** The end of an exchange no part of the pipeline claimed: answered by the framework, or the client went away. */
    private void ended(RoutingContext ctx, Exchange exchange, AsyncResult<Void> ended) {
        if (!exchange.claim()) {
            return;
        }
        int status = ended.succeeded() && ctx.response().ended() ? ctx.response().getStatusCode() : CLIENT_CLOSED;
        audit.record(ctx, exchange, status, Map.of(), List.of()).subscribe().with(ignored -> {
        }, failure -> LOG.errorf("audit event of an unclaimed %s %s (status %d) could not be written: %s",
                ctx.request().method(), PersonalIds.redactPath(ctx.request().path()), status, failure.getMessage()));
    }

    /**
     * Sends {@code problem}. A 408 (a body too slow) also closes an HTTP/1 connection once it is written: the rest
     * of that body would hold the connection open. Other refusals with {@code Connection: close} leave the closing
     * to Vert.x after the body, so that a client still sending can read its answer.
     */
    private static void send(RoutingContext ctx, Problem problem, Map<String, String> headers) {
        if (ctx.response().headWritten()) {
            return;
        }
        var response = ctx.response().setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE);
        headers.forEach(response::putHeader);
        ProblemLanguage.Answer answer = ProblemLanguage.forCaller(problem.at(ctx.request().path()),
                ctx.request().getHeader("Accept-Language"));
        answer.headers().forEach(response::putHeader);
        var written = response.end(Json.encode(answer.problem()));
        if (problem.status() == 408 && ctx.request().version() != HttpVersion.HTTP_2) {
            written.onComplete(ignored -> ctx.request().connection().close());
        }
    }

    private Map<String, String> closeAndRetryLater() {
        return Map.of("Connection", "close", "Retry-After", Integer.toString(overload.retryAfterSeconds()));
    }

    private Map<String, String> retryAfter() {
        return Map.of("Retry-After", Integer.toString(overload.retryAfterSeconds()));
    }

    private static Problem unauthorized(FieldError error) {
        return Problem.of(401, "unauthorized", error.field() + ": " + error.reason(), List.of(error));
    }

    private static String credentialHeader(RoutingContext ctx) {
        return ctx.request().getHeader("Authorization") != null ? "Authorization" : "X-API-Key";
    }
}
