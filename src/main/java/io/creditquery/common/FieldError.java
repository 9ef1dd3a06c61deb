package io.creditquery.common;

/** One reason a request was refused, naming the field (JSON pointer-like path, query parameter or NDJSON line field). */
public record FieldError(String field, String reason) {
}
