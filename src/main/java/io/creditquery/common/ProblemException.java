package io.creditquery.common;

import java.util.List;

/** Thrown by services for any refusal the caller should see as a problem response. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException badRequest(String field, String reason) {
        return invalid(List.of(new FieldError(field, reason)));
    }

    public static ProblemException invalid(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).reason()
                : errors.size() + " fields are invalid";
        return new ProblemException(Problem.of(400, "invalid-request", "Invalid request", detail, errors));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(Problem.of(404, "not-found", "Not found", what, null));
    }

    /** 403: authenticated, but this kind of caller may not do this (the detail says who may). */
    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(403, "forbidden", "Forbidden", detail, null));
    }

    /** 409: the request is valid but the state of what it names does not allow it now. */
    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(Problem.of(409, slug, "Conflict", detail, null));
    }

    /** 422: well-formed, but the rules refuse it; the field errors say which rule and why. */
    public static ProblemException refused(String slug, String field, String reason) {
        return new ProblemException(Problem.of(422, slug, "Refused by the rules", field + ": " + reason,
                List.of(new FieldError(field, reason))));
    }

    public static ProblemException unavailable(String slug, String detail) {
        return new ProblemException(Problem.of(503, slug, "Service unavailable", detail, null));
    }
}
