package io.creditquery.code;

import java.util.List;

/** The verdict on one code: what it looks like, whether it is valid, and every reason it is not. */
public record CodeCheck(String input, String normalized, CodeKind kind, boolean valid, List<String> errors) {

    public String firstError() {
        return errors.isEmpty() ? null : errors.get(0);
    }
}
