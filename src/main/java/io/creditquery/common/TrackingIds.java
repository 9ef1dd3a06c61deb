package io.creditquery.common;

import java.security.SecureRandom;

/**
 * Identifiers handed to the public (objection tracking ids, repair and report numbers): a readable prefix and 100
 * random bits in Crockford base32, so knowing one tells nothing about another and guessing one is hopeless.
 */
public final class TrackingIds {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private TrackingIds() {
    }

    public static String next(String prefix) {
        StringBuilder id = new StringBuilder(prefix).append('-');
        for (int i = 0; i < 20; i++) {
            id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }

    /** Refuses (400 naming {@code field}) what does not have the shape of an id of this prefix, before any lookup. */
    public static void require(String field, String prefix, String text, String what) {
        if (!looksLike(prefix, text)) {
            throw ProblemException.badRequest(field, "is not " + what + " (" + prefix + "- and 20 characters)");
        }
    }

    /** Whether {@code text} has the shape of an id with this prefix. */
    static boolean looksLike(String prefix, String text) {
        return text != null && text.length() == prefix.length() + 21 && text.startsWith(prefix + "-")
                && text.substring(prefix.length() + 1).chars().allMatch(ch -> new String(ALPHABET).indexOf(ch) >= 0);
    }
}
