package io.creditquery.ingest;

import io.creditquery.common.FieldError;

import java.util.List;

/** One NDJSON line after validation: either a value keyed by its natural key, or the reasons it was refused. */
record ParsedLine<T>(int line, String naturalKey, T value, List<FieldError> errors) {

    static <T> ParsedLine<T> rejected(int line, List<FieldError> errors) {
        return new ParsedLine<>(line, null, null, errors);
    }

    boolean valid() {
        return errors.isEmpty();
    }
}
