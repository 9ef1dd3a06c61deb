package io.creditquery.frontdoor;

/**
 * The one spelling of a path this service answers on. Vert.x routes on a normalised path (dot segments removed,
 * {@code //} collapsed, unreserved escapes decoded) and RESTEasy strips matrix parameters, so many spellings reach
 * the same resource; instead of normalising once more, a path that is not already in its one spelling is refused
 * (400) before anything routes it, and audited. What the service then routes, limits and audits is the path as
 * sent. Refused: empty segments ({@code //}, a trailing {@code /} under {@code /api}), dot segments, percent
 * escapes of characters that need none ({@code %76} for {@code v}) or that are separators or escapes themselves
 * ({@code %2F}, {@code %5C}, {@code %25}), malformed escapes, matrix parameters ({@code ;}), backslashes and any
 * other character RFC 3986 does not allow in a path. Escapes of other characters are data (a code with a space,
 * full-width digits) and pass, for the endpoint to judge.
 */
public final class CanonicalPath {

    private CanonicalPath() {
    }

    /** Whether the path is one of the API's, audited and limited: its first segment is {@code api}, in any case. */
    public static boolean isApi(String path) {
        return path.regionMatches(true, 0, "/api", 0, 4) && (path.length() == 4 || path.charAt(4) == '/');
    }

    /** Null if {@code path} (raw, as sent, without the query) is canonical; otherwise why it is not. */
    public static String refusal(String path) {
        if (path == null || path.isEmpty() || path.charAt(0) != '/') {
            return "must start with /";
        }
        if (path.length() == 1) {
            return null;
        }
        boolean api = isApi(path);
        String[] segments = path.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.isEmpty()) {
                if (i == segments.length - 1 && !api) {
                    continue;
                }
                return i == segments.length - 1 ? "ends with / (drop the trailing slash)" : "has an empty segment (//)";
            }
            if (segment.equals(".") || segment.equals("..")) {
                return "has a dot segment (" + segment + ")";
            }
            String reason = segmentRefusal(segment);
            if (reason != null) {
                return reason;
            }
        }
        return null;
    }

    private static String segmentRefusal(String segment) {
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%') {
                if (i + 2 >= segment.length() || hex(segment.charAt(i + 1)) < 0 || hex(segment.charAt(i + 2)) < 0) {
                    return "has a malformed percent escape";
                }
                char decoded = (char) (hex(segment.charAt(i + 1)) * 16 + hex(segment.charAt(i + 2)));
                if (unreserved(decoded)) {
                    return "escapes '" + decoded + "', which is never escaped (" + segment.substring(i, i + 3) + ")";
                }
                if (decoded == '/' || decoded == '\\' || decoded == '%') {
                    return "escapes a path separator or an escape (" + segment.substring(i, i + 3) + ")";
                }
                i += 2;
            } else if (c == ';') {
                return "has a matrix parameter (;)";
            } else if (!unreserved(c) && "!$&'()*+,=:@".indexOf(c) < 0) {
                return c == '\\' ? "has a backslash" : "has a character that must be percent-escaped";
            }
        }
        return null;
    }

    private static boolean unreserved(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                || c == '_' || c == '~';
    }

    private static int hex(char c) {
        return Character.digit(c, 16) >= 0 && c < 128 ? Character.digit(c, 16) : -1;
    }
}
