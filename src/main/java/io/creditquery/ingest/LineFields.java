package io.creditquery.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.creditquery.common.FieldError;
import io.creditquery.common.TextChecks;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads typed fields from one NDJSON object, collecting a reason for every field that is wrong. */
final class LineFields {

    private final JsonNode node;
    private final Set<String> known = new HashSet<>();
    private final List<FieldError> errors = new ArrayList<>();

    LineFields(JsonNode node) {
        this.node = node;
    }

    List<FieldError> errors() {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                errors.add(new FieldError(name, "unknown field"));
            }
        }
        return errors;
    }

    void reject(String field, String reason) {
        errors.add(new FieldError(field, reason));
    }

    String text(String field, boolean required, int maxLength) {
        known.add(field);
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                reject(field, "is required");
            }
            return null;
        }
        if (!value.isTextual()) {
            reject(field, "must be a string");
            return null;
        }
        String text = value.asText().strip();
        if (text.isEmpty()) {
            if (required) {
                reject(field, "must not be blank");
            }
            return null;
        }
        if (text.length() > maxLength) {
            reject(field, "is " + text.length() + " characters long; at most " + maxLength + " allowed");
            return null;
        }
        String refused = TextChecks.refusedCharacter(text);
        if (refused != null) {
            reject(field, refused);
            return null;
        }
        return text;
    }

    /** A person's or organisation's name: text without markup characters, which no registered name contains. */
    String name(String field, boolean required, int maxLength) {
        String text = text(field, required, maxLength);
        if (text != null && (text.indexOf('<') >= 0 || text.indexOf('>') >= 0)) {
            reject(field, "contains '<' or '>', which are markup, not part of a registered name");
            return null;
        }
        return text;
    }

    String matching(String field, boolean required, String regex, String description) {
        String text = text(field, required, 64);
        if (text != null && !text.matches(regex)) {
            reject(field, "must be " + description);
            return null;
        }
        return text;
    }

    <E extends Enum<E>> E enumValue(String field, Class<E> type, E defaultValue) {
        String text = text(field, defaultValue == null, 64);
        if (text == null) {
            return defaultValue;
        }
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            StringBuilder allowed = new StringBuilder();
            for (E constant : type.getEnumConstants()) {
                allowed.append(allowed.isEmpty() ? "" : ", ").append(constant.name());
            }
            reject(field, "'" + text + "' is not one of " + allowed);
            return null;
        }
    }

    /** Decisions, listings and publicity windows of this platform's records: none predates 1949. */
    static final LocalDate EARLIEST_RECORD_DATE = LocalDate.of(1949, 1, 1);
    /**
     * Founding dates are historical: 山东大学 was founded in 1901, and the oldest 中华老字号 date from the Ming
     * dynasty (六必居, 1530), so anything from 1368 on is accepted; earlier is a typing error.
     */
    static final LocalDate EARLIEST_FOUNDING_DATE = LocalDate.of(1368, 1, 1);

    LocalDate date(String field, boolean required) {
        return date(field, required, EARLIEST_RECORD_DATE);
    }

    LocalDate date(String field, boolean required, LocalDate earliest) {
        String text = text(field, required, 10);
        if (text == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text);
            if (date.isBefore(earliest)) {
                reject(field, "date " + text + " is before " + earliest.getYear());
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            reject(field, "'" + text + "' is not a date in the form YYYY-MM-DD");
            return null;
        }
    }

    BigDecimal nonNegativeDecimal(String field) {
        known.add(field);
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            reject(field, "must be a number");
            return null;
        }
        BigDecimal number = value.decimalValue();
        if (number.signum() < 0) {
            reject(field, "must not be negative");
            return null;
        }
        if (!fits(number, 16, 6)) {
            reject(field, "is out of range: at most 16 digits before the decimal point and 6 after it");
            return null;
        }
        return number;
    }

    JsonNode object(String field, int maxSerializedLength) {
        known.add(field);
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            reject(field, "must be a JSON object");
            return null;
        }
        if (value.toString().length() > maxSerializedLength) {
            reject(field, "is larger than " + maxSerializedLength + " characters");
            return null;
        }
        String refused = refusedInside(value, field);
        if (refused != null) {
            reject(field, refused);
            return null;
        }
        return value;
    }

    /** The first name, string or number inside a JSON value that would be stored altered or not at all. */
    private static String refusedInside(JsonNode value, String path) {
        if (value.isTextual()) {
            String refused = TextChecks.refusedInMultilineText(value.asText());
            return refused == null ? null : path + " " + refused;
        }
        if (value.isNumber()) {
            return value.isBigDecimal() && !fits(value.decimalValue(), 30, 30) ? path + " is out of range" : null;
        }
        Iterator<java.util.Map.Entry<String, JsonNode>> fields = value.fields();
        while (fields.hasNext()) {
            var entry = fields.next();
            String refused = TextChecks.refusedCharacter(entry.getKey());
            refused = refused != null ? path + " has a name that " + refused
                    : refusedInside(entry.getValue(), path + "." + entry.getKey());
            if (refused != null) {
                return refused;
            }
        }
        for (int i = 0; value.isArray() && i < value.size(); i++) {
            String refused = refusedInside(value.get(i), path + "[" + i + "]");
            if (refused != null) {
                return refused;
            }
        }
        return null;
    }

    /** At most {@code integerDigits} digits before the point and {@code decimals} after it (trailing zeros aside). */
    static boolean fits(BigDecimal number, int integerDigits, int decimals) {
        if (number.signum() == 0) {
            return true;
        }
        // precision and scale only: stripping 1e999999999 would build a billion-digit number.
        int scale = number.scale();
        int precision = number.precision();
        if (scale > 0) {
            BigDecimal stripped = number.stripTrailingZeros();
            scale = stripped.scale();
            precision = stripped.precision();
        }
        return (long) precision - scale <= integerDigits && scale <= decimals;
    }
}
