package io.creditquery.common;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Checks of a JSON request body that collect every field error before refusing, so one 400 names all of them.
 * The text and enum rules are the same as for query parameters ({@link QueryParams}).
 */
public final class FieldChecks {

    private final List<FieldError> errors = new ArrayList<>();

    /** Why {@code text} (already stripped) is not acceptable, or null. */
    static String textReason(String text, int maxLength) {
        if (text.length() > maxLength) {
            return "is " + text.length() + " characters long; at most " + maxLength;
        }
        return TextChecks.refusedCharacter(text);
    }

    /** Why {@code value} is not one of {@code type}'s constants, or null. */
    static <E extends Enum<E>> String enumReason(String value, Class<E> type) {
        try {
            Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
            return null;
        } catch (IllegalArgumentException e) {
            String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
            return "'" + shown + "' is not one of "
                    + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
        }
    }

    public String text(String field, String value, boolean required, int maxLength) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "is required and must not be blank"));
            }
            return null;
        }
        String text = value.strip();
        return check(field, textReason(text, maxLength)) ? text : null;
    }

    public <E extends Enum<E>> E enumValue(String field, String value, Class<E> type, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "is required; one of "
                        + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())));
            }
            return null;
        }
        return check(field, enumReason(value, type)) ? Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT)) : null;
    }

    public LocalDate date(String field, String value, boolean required) {
        String text = text(field, value, required, 10);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "'" + text + "' is not a date (YYYY-MM-DD)"));
            return null;
        }
    }

    /** Records {@code reason} for {@code field} unless {@code ok}; returns {@code ok}. */
    public boolean require(boolean ok, String field, String reason) {
        if (!ok) {
            errors.add(new FieldError(field, reason));
        }
        return ok;
    }

    private boolean check(String field, String reason) {
        return require(reason == null, field, reason);
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    /** Refuses with every error collected so far. */
    public void done() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(List.copyOf(errors));
        }
    }
}
