package io.creditquery.frontdoor;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.creditquery.common.FieldError;
import io.creditquery.common.Problem;
import io.creditquery.common.ProblemException;
import io.creditquery.security.Credentials;
import io.creditquery.security.PersonalIds;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.pgclient.PgException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.ConnectException;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Every error leaves the API as application/problem+json: our own refusals, framework errors and surprises. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final Pattern DUPLICATE_FIELD = Pattern.compile("^Duplicate field '(.*)'");

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpServerRequest request) {
        Response response = respond(e.problem(), request);
        if (e.retryAfterSeconds() != null) {
            response.getHeaders().add("Retry-After", e.retryAfterSeconds().toString());
        }
        return response;
    }

    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException e, HttpServerRequest request) {
        return unauthorized(request);
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, HttpServerRequest request) {
        return unauthorized(request);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return respond(Problem.of(403, "forbidden",
                "the caller's scopes do not allow this operation", null), request);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, HttpServerRequest request) {
        return respond(jsonProblem(e), request);
    }

    /** More specific than Quarkus's own mapper for unparsable JSON, which would answer plain JSON. */
    @ServerExceptionMapper
    public Response unparsableJson(JsonParseException e, HttpServerRequest request) {
        return respond(jsonProblem(e), request);
    }

    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, HttpServerRequest request) {
        return respond(jsonProblem(e), request);
    }

    @ServerExceptionMapper
    public Response framework(WebApplicationException e, HttpServerRequest request) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return respond(jsonProblem(json), request);
        }
        int status = e.getResponse().getStatus();
        String detail = switch (status) {
            case 404 -> "no resource at " + request.path();
            case 405 -> "method " + request.method() + " is not allowed on " + request.path();
            case 406 -> "none of the accepted media types can be produced; this API produces application/json";
            case 415 -> "content type " + request.getHeader("Content-Type") + " is not supported here";
            case 401 -> "authentication is required";
            case 403 -> "the caller's scopes do not allow this operation";
            default -> status >= 500 ? "the request could not be processed" : "the request was refused";
        };
        String slug = switch (status) {
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 415 -> "unsupported-media-type";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            default -> status >= 500 ? "server-error" : "bad-request";
        };
        Response.ResponseBuilder builder = answer(Problem.of(status, slug, detail, null), request);
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (name.equalsIgnoreCase("Allow") || name.equalsIgnoreCase("WWW-Authenticate")) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return builder.build();
    }

    /** PostgreSQL is unreachable or refuses connections: a store outage, not a bug; the client may retry. */
    @ServerExceptionMapper
    public Response databaseUnavailable(PgException e, HttpServerRequest request) {
        String state = String.valueOf(e.getSqlState());
        if (!(state.startsWith("08") || state.startsWith("57P") || state.equals("55000") || state.equals("53300"))) {
            return unexpected(e, request);
        }
        LOG.warnf("database unavailable on %s %s: %s", request.method(), PersonalIds.redactPath(request.path()), e.getMessage());
        return databaseUnavailable(request);
    }

    @ServerExceptionMapper
    public Response databaseUnreachable(ConnectException e, HttpServerRequest request) {
        LOG.warnf("database unreachable on %s %s: %s", request.method(), PersonalIds.redactPath(request.path()), e.getMessage());
        return databaseUnavailable(request);
    }

    private static Response databaseUnavailable(HttpServerRequest request) {
        return answer(Problem.of(503, "database-unavailable",
                "the database cannot be reached; nothing was read or written; try again later", null), request)
                .header("Retry-After", "5").build();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, HttpServerRequest request) {
        if (fromMultipartParser(e) && unreadableMultipart(e)) {
            String reason = String.valueOf(e.getMessage()).startsWith("Param limit")
                    ? "has more form fields than the 1,000 a request may carry"
                    : "is not a complete multipart/form-data body in the boundary its Content-Type declares";
            return respond(Problem.of(400, "malformed-multipart", "body: " + reason,
                    List.of(new FieldError("body", reason))), request);
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error %s on %s %s", reference, request.method(), PersonalIds.redactPath(request.path()));
        return respond(Problem.of(500, "server-error",
                "the request could not be processed; reference " + reference, null), request);
    }

    static Response respond(Problem problem, HttpServerRequest request) {
        return answer(problem, request).build();
    }

    /** The one way a mapped problem leaves: at its path, in the caller's language (see {@link ProblemLanguage}). */
    private static Response.ResponseBuilder answer(Problem problem, HttpServerRequest request) {
        ProblemLanguage.Answer answer = ProblemLanguage.forCaller(problem.at(request.path()),
                request.getHeader("Accept-Language"));
        Response.ResponseBuilder builder = Response.status(problem.status()).type(Problem.MEDIA_TYPE);
        answer.headers().forEach(builder::header);
        return builder.entity(answer.problem());
    }

    private static Response unauthorized(HttpServerRequest request) {
        return answer(Problem.of(401, "unauthorized", "this needs credentials: a bearer token, or an API key", null),
                request).header("WWW-Authenticate", Credentials.WWW_AUTHENTICATE).build();
    }

    /**
     * RESTEasy Reactive's multipart parser reports a body it cannot read (a wrong boundary, a cut body, too many
     * fields) as a plain IOException or RuntimeException: the client's mistake, told apart by where it was thrown.
     */
    private static boolean unreadableMultipart(Throwable e) {
        String message = String.valueOf(e.getMessage());
        // Only these two are the client's: a server fault there (a temp file that cannot be created) stays a 500.
        return (e instanceof java.io.IOException && message.startsWith("Connection terminated reading multipart data"))
                || message.startsWith("Param limit");
    }

    private static boolean fromMultipartParser(Throwable e) {
        StackTraceElement[] frames = e.getStackTrace();
        for (int i = 0; i < Math.min(3, frames.length); i++) {
            if (frames[i].getClassName().startsWith("org.jboss.resteasy.reactive.server.core.multipart.")) {
                return true;
            }
        }
        return false;
    }

    private static Problem jsonProblem(JsonProcessingException e) {
        String field = "body";
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            field = mismatch.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining()).replaceFirst("^\\.", "");
        }
        String reason;
        Matcher duplicate = DUPLICATE_FIELD.matcher(String.valueOf(e.getOriginalMessage()));
        if (String.valueOf(e.getOriginalMessage()).startsWith("Trailing token")) {
            field = "body";
            reason = "has more content after its JSON value; send one JSON value per request";
        } else if (e instanceof UnrecognizedPropertyException) {
            reason = "unknown field";
        } else if (e instanceof InvalidFormatException invalid) {
            reason = "value " + invalid.getValue() + " is not " + jsonType(invalid.getTargetType());
        } else if (e instanceof MismatchedInputException mismatch) {
            reason = "must be " + jsonType(mismatch.getTargetType());
        } else if (duplicate.find()) {
            field = duplicate.group(1);
            reason = "appears more than once in the same object";
        } else {
            reason = "malformed JSON" + location(e) + ": " + parserMessage(e);
        }
        return Problem.of(400, "malformed-json", field + ": " + reason,
                List.of(new FieldError(field, reason)));
    }

    /** What a client should send, in JSON terms; Java type names mean nothing to a client and reveal internals. */
    private static String jsonType(Class<?> type) {
        if (type == null) {
            return "of another JSON type";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a JSON array";
        }
        if (type == String.class) {
            return "a JSON string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != char.class)) {
            return "a JSON number";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 date or date-time";
        }
        return "a JSON object";
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null || e.getLocation().getLineNr() < 1 ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }

    /** Jackson's sentence without its pointers into parser internals ("start marker at [Source: …]", "from `…`"). */
    private static String parserMessage(JsonProcessingException e) {
        String message = String.valueOf(e.getOriginalMessage());
        message = message.replaceAll(" \\(start marker at \\[Source.*", "").replaceAll(", from `[^`]*`", "")
                .replaceAll("`[^`]*`", "a limit");
        return message.length() > 200 ? message.substring(0, 200) + "…" : message;
    }
}
