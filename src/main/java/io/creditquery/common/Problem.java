package io.creditquery.common;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * RFC 9457 problem details, with the field errors this API adds as an extension member. {@link #of} is the one
 * factory of every problem the API answers: the {@code type} is a stable URI per kind of refusal (its slug), the
 * {@code title} is always the HTTP reason phrase of the status, spelled one way.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://credit-query.local/problems/";

    public static Problem of(int status, String slug, String detail, List<FieldError> errors) {
        return new Problem(TYPE_BASE + slug, title(status), status, detail, null, errors);
    }

    /** A refusal of one field, its reason also in the detail. */
    public static Problem ofField(int status, String slug, String field, String reason) {
        return of(status, slug, field + ": " + reason, List.of(new FieldError(field, reason)));
    }

    public Problem at(String path) {
        return new Problem(type, title, status, detail, path, errors);
    }

    /** The same problem in another language: type, status, instance and field names stay. */
    public Problem translated(String translatedTitle, String translatedDetail, List<String> reasons) {
        List<FieldError> translatedErrors = errors == null ? null : new java.util.ArrayList<>(errors.size());
        for (int i = 0; errors != null && i < errors.size(); i++) {
            translatedErrors.add(new FieldError(errors.get(i).field(), reasons.get(i)));
        }
        return new Problem(type, translatedTitle, status, translatedDetail, instance, translatedErrors);
    }

    /** Reason phrases of RFC 9110 (and 6585 for 429 and 431). */
    static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 409 -> "Conflict";
            case 411 -> "Length Required";
            case 412 -> "Precondition Failed";
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Server Error" : "Client Error";
        };
    }
}
