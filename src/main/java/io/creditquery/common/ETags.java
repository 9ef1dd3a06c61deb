package io.creditquery.common;

import java.util.Arrays;

/**
 * Entity tags of JSON answers, from their content (so every view of a subject has its own, and a change of anything
 * shown changes it), and the If-None-Match test (RFC 9110: weak comparison, lists, "*").
 */
public final class ETags {

    private ETags() {
    }

    public static String of(String body) {
        return "\"" + Digests.sha256Hex(body).substring(0, 32) + "\"";
    }

    public static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        return Arrays.stream(ifNoneMatch.split(",")).map(String::strip)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(tag -> tag.equals("*") || tag.equals(etag));
    }
}
