package io.creditquery.common;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Shared checks of query parameter values: bounded sizes, clean text (unknown and repeated names: QueryParameterFilter). */
public final class QueryParams {

    private QueryParams() {
    }

    /** A page size: 1 to {@code max}. */
    public static int size(String name, String text, int defaultSize, int max) {
        return wholeNumber(name, text, defaultSize, 1, max);
    }

    /** Taken as text: JAX-RS would answer a non-number with a bare 404. */
    public static int wholeNumber(String name, String text, int defaultValue, int min, int max) {
        if (text == null || text.isBlank()) {
            return defaultValue;
        }
        int value;
        try {
            value = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(name, "must be a whole number between " + min + " and " + max);
        }
        if (value < min || value > max) {
            throw ProblemException.badRequest(name, "must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    /** Trimmed text of at most {@code maxLength} characters without control or invisible characters; null if absent. */
    public static String text(String name, String value, boolean required, int maxLength) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw ProblemException.badRequest(name, "is required and must not be blank");
            }
            return null;
        }
        String text = value.strip();
        String reason = FieldChecks.textReason(text, maxLength);
        if (reason != null) {
            throw ProblemException.badRequest(name, reason);
        }
        return text;
    }

    /** A path or query id that must be a UUID; 400 naming {@code name}: "is not {@code what} (a UUID)". */
    public static java.util.UUID uuid(String name, String value, String what) {
        try {
            return java.util.UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.badRequest(name, "is not " + what + " (a UUID)");
        }
    }

    /** An ISO-8601 date-time with offset; null if absent. */
    public static OffsetDateTime dateTime(String name, String value) {
        String text = text(name, value, false, 40);
        try {
            return text == null ? null : OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name, "must be an ISO-8601 date-time with offset, e.g. 2026-11-01T00:00:00+08:00");
        }
    }

    /** 400 naming {@code to} when a time range ends before it starts; an open end is fine. */
    public static void orderedRange(OffsetDateTime from, OffsetDateTime to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw ProblemException.badRequest("to", "is before from");
        }
    }

    /** {@code true} or {@code false}; absent is false. */
    public static boolean flag(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.badRequest(name, "must be true or false");
        };
    }

    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String reason = FieldChecks.enumReason(value, type);
        if (reason != null) {
            throw ProblemException.badRequest(name, reason);
        }
        return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
    }
}
