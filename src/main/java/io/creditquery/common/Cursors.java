package io.creditquery.common;


import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Opaque, tamper-evident page cursors: the position values, bound to the query they belong to and signed, so a
 * forged cursor or one replayed against another query is a clear 400 rather than a strange page.
 */
public class Cursors {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final char SEPARATOR = '\u001F';
    private static final int MAX_LENGTH = 512;

    private final SecretKeySpec key;

    /** {@code hexKey}: the platform's secret (hex) the cursor key is derived from. */
    public Cursors(String hexKey) {
        byte[] base = java.util.HexFormat.of().parseHex(hexKey.trim());
        this.key = new SecretKeySpec(hmac(new SecretKeySpec(base, "HmacSHA256"), "cursor-key".getBytes(StandardCharsets.UTF_8)),
                "HmacSHA256");
    }

    public String encode(String query, List<String> position) {
        byte[] payload = String.join(String.valueOf(SEPARATOR), position).getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(signature(query, payload));
    }

    /** The position encoded in {@code cursor}; 400 naming the parameter if it was not made for this query. */
    public List<String> decode(String query, String cursor, int expectedParts) {
        if (cursor.length() > MAX_LENGTH) {
            throw ProblemException.badRequest("cursor", "is too long to be a cursor of this API");
        }
        int dot = cursor.indexOf('.');
        try {
            byte[] payload = DECODER.decode(cursor.substring(0, Math.max(0, dot)));
            byte[] signature = DECODER.decode(cursor.substring(dot + 1));
            // Base64 ignores the spare bits of its last character: only this API's own spelling of a cursor is one.
            if (dot < 0 || !MessageDigest.isEqual(signature, signature(query, payload))
                    || !cursor.equals(ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(signature))) {
                throw invalid();
            }
            List<String> parts = Arrays.asList(new String(payload, StandardCharsets.UTF_8).split(String.valueOf(SEPARATOR), -1));
            if (parts.size() != expectedParts) {
                throw invalid();
            }
            return parts;
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    /**
     * Where the page after {@code cursor} starts, as {@code parse} reads the cursor's {@code parts} values; null when
     * there is no cursor (the first page). A 400 naming the cursor when it was not made for this query or does not
     * parse. The one way keyset paging reads its position.
     */
    public <P> P position(String query, String cursor, int parts, Function<List<String>, P> parse) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        List<String> values = decode(query, cursor, parts);
        try {
            return parse.apply(values);
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("cursor", "is not a cursor this API issued for this query");
        }
    }

    /**
     * The cursor of the page after {@code page}: the last item's {@code position} when the page is full ({@code size}
     * items), null when it is the last page.
     */
    public <R> String next(String query, List<R> page, int size, Function<R, List<String>> position) {
        return page.size() == size && !page.isEmpty() ? encode(query, position.apply(page.get(page.size() - 1))) : null;
    }

    private static ProblemException invalid() {
        return ProblemException.badRequest("cursor", "is not a cursor this API issued for this query"
                + " (take nextCursor from the previous page of the same query)");
    }

    private byte[] signature(String query, byte[] payload) {
        byte[] q = query.getBytes(StandardCharsets.UTF_8);
        byte[] message = new byte[q.length + 1 + payload.length];
        System.arraycopy(q, 0, message, 0, q.length);
        System.arraycopy(payload, 0, message, q.length + 1, payload.length);
        return Arrays.copyOf(hmac(key, message), 16);
    }

    private static byte[] hmac(SecretKeySpec key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
