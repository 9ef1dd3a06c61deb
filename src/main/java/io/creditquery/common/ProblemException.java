package io.creditquery.common;

import java.util.List;

/** Thrown by services for any refusal the caller should see as a problem response. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final Integer retryAfterSeconds;

    public ProblemException(Problem problem) {
        this(problem, null);
    }

    private ProblemException(Problem problem, Integer retryAfterSeconds) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Problem problem() {
        return problem;
    }

    /** Seconds for a Retry-After header (429 and 503 answers), or null. */
    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The same refusal, answered with Retry-After. */
    public ProblemException retryAfter(int seconds) {
        return new ProblemException(problem, seconds);
    }

    public static ProblemException badRequest(String field, String reason) {
        return invalid(List.of(new FieldError(field, reason)));
    }

    public static ProblemException invalid(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).reason()
                : errors.size() + " fields are invalid";
        return new ProblemException(Problem.of(400, "invalid-request", detail, errors));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(Problem.of(404, "not-found", what, null));
    }

    /** 403: authenticated, but this kind of caller may not do this (the detail says who may). */
    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(403, "forbidden", detail, null));
    }

    /** 409: the request is valid but the state of what it names does not allow it now. */
    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(Problem.of(409, slug, detail, null));
    }

    /** 422: well-formed, but the rules refuse it; the field errors say which rule and why. */
    public static ProblemException refused(String slug, String field, String reason) {
        return new ProblemException(Problem.ofField(422, slug, field, reason));
    }

    /** 422: well-formed, but nothing of it could be taken; the field errors say why. */
    public static ProblemException unprocessable(String slug, String detail, List<FieldError> errors) {
        return new ProblemException(Problem.of(422, slug, detail, errors));
    }

    public static ProblemException unavailable(String slug, String detail) {
        return new ProblemException(Problem.of(503, slug, detail, null));
    }
}
