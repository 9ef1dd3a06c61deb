package io.creditquery.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.creditquery.code.CodeCheck;
import io.creditquery.code.CodeKind;
import io.creditquery.code.CodeValidator;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Citizen IDs are never stored in clear: they are keyed by an HMAC (so equal IDs meet without a rainbow table
 * reversing them) and shown masked.
 */
@ApplicationScoped
public class PersonalIds {

    /** Subject keys of natural persons start with this prefix; USCCs never do (P is not a registration authority). */
    public static final String KEY_PREFIX = "P-";

    /** Digits (half- or full-width) then a digit or x, not inside a longer run of letters and digits. */
    private static final Pattern CANDIDATE = Pattern.compile(
            "(?<![0-9A-Za-z\uFF10-\uFF19])[0-9\uFF10-\uFF19]{17}[0-9Xx\uFF10-\uFF19\uFF38\uFF58](?![0-9A-Za-z\uFF10-\uFF19])");

    private final SecretKeySpec key;

    public PersonalIds(SecurityConfig config) {
        byte[] bytes = HexFormat.of().parseHex(config.idHashKey().trim());
        if (bytes.length < 16) {
            throw new IllegalStateException("credit.security.id-hash-key must be at least 16 bytes of hex");
        }
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    public String subjectKey(String citizenId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(citizenId.getBytes(StandardCharsets.US_ASCII));
            return KEY_PREFIX + HexFormat.of().formatHex(digest, 0, 20);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A path with every segment that may be a citizen ID (after percent-decoding, full-width folding, spaces and a
     * lowercase x) replaced by its masked form: what the audit log and the service log keep of a request's path.
     * A valid USCC stays as it is, even when it is all digits.
     */
    public static String redactPath(String path) {
        if (path == null || path.indexOf('/') < 0) {
            return redact(path);
        }
        String[] segments = path.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String normalized = CodeValidator.normalize(decoded(segments[i]));
            segments[i] = mayBeCitizenId(normalized) ? mask(normalized) : redact(segments[i]);
        }
        return String.join("/", segments);
    }

    /** Text with every run of 18 characters that may be a citizen ID replaced by its masked form. */
    public static String redact(String text) {
        if (text == null || text.length() < 18) {
            return text;
        }
        Matcher candidates = CANDIDATE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (candidates.find()) {
            String normalized = CodeValidator.normalize(candidates.group());
            candidates.appendReplacement(out, Matcher.quoteReplacement(mayBeCitizenId(normalized)
                    ? mask(normalized) : candidates.group()));
        }
        return candidates.appendTail(out).toString();
    }

    /**
     * 17 digits and a digit or X, valid or not (a mistyped ID is still someone's), unless it is a valid USCC.
     */
    static boolean mayBeCitizenId(String normalized) {
        if (normalized.length() != 18 || !normalized.substring(0, 17).chars().allMatch(Character::isDigit)) {
            return false;
        }
        char last = normalized.charAt(17);
        if (!Character.isDigit(last) && last != 'X') {
            return false;
        }
        CodeCheck check = CodeValidator.check(normalized);
        return !(check.valid() && check.kind() == CodeKind.USCC);
    }

    private static String decoded(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return segment;
        }
    }

    /** {@code 370102199003071234} → {@code 3701**********1234}. */
    public static String mask(String citizenId) {
        if (citizenId == null || citizenId.length() < 8) {
            return "****";
        }
        return citizenId.substring(0, 4) + "*".repeat(citizenId.length() - 8) + citizenId.substring(citizenId.length() - 4);
    }
}
