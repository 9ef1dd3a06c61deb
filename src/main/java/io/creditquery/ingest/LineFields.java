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

    LocalDate date(String field, boolean required) {
        String text = text(field, required, 10);
        if (text == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text);
            if (date.getYear() < 1949) {
                reject(field, "date " + text + " is before 1949");
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
        if (number.precision() - number.scale() > 16) {
            reject(field, "is too large");
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
        return value;
    }
}
