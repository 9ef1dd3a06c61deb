package io.creditquery.security;

import io.creditquery.code.CodeCheck;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import jakarta.enterprise.context.ApplicationScoped;

import io.creditquery.code.CodeCheck;
import io.creditquery.code.CodeKind;
import io.creditquery.code.CodeValidator;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
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

    /**
     * 15 to 18 digits (half- or full-width; the last may be an x), each after the first possibly behind spaces,
     * hyphens, dots or slashes, not inside a longer run of digits; letters around it do not matter.
     */
    private static final String DIGIT = "[0-9\uFF10-\uFF19]";
    private static final String GAP = "[\\s\u3000\\-./\uFF0D\uFF0E\uFF0F]{0,3}";
    private static final Pattern CANDIDATE = Pattern.compile("(?<!" + DIGIT + GAP + ")" + DIGIT + "(?:" + GAP + DIGIT
            + "){13,16}" + GAP + "[0-9Xx\uFF10-\uFF19\uFF38\uFF58](?!" + GAP + DIGIT + ")");

    private static final Pattern UUID = Pattern.compile(
            "(?<![0-9a-fA-F])[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?![0-9a-fA-F])");

    private final SecretKeySpec key;

    public PersonalIds(SecurityConfig config) {
        byte[] bytes = HexFormat.of().parseHex(config.idHashKey().trim());
        if (bytes.length < 16) {
            throw new IllegalStateException("credit.security.id-hash-key must be at least 16 bytes of hex");
        }
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    /**
     * The subject key a valid USCC or citizen ID stands for (a USCC is its own key, a citizen ID's is its keyed hash),
     * without asking any store whether such a subject exists; null for anything else. Old codes: {@link SubjectResolver}.
     */
    public String keyOf(CodeCheck check) {
        if (!check.valid()) {
            return null;
        }
        return switch (check.kind()) {
            case USCC -> check.normalized();
            case CITIZEN_ID -> subjectKey(check.normalized());
            case REGISTRATION_NO, ORG_CODE, UNKNOWN -> null;
        };
    }

    public String subjectKey(String citizenId) {
        return KEY_PREFIX + HexFormat.of().formatHex(hmac(citizenId.getBytes(StandardCharsets.US_ASCII)), 0, 20);
    }

    private byte[] hmac(byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An official's login ({@code sub}) as a document that leaves the platform names it: a stable keyed pseudonym,
     * the same for every receipt of that official, which only the platform can link back (the check's stored
     * actor and the audit log keep the login). API keys ({@code apikey:<id>}) name an agency, not a person.
     */
    public String official(String actorId) {
        if (actorId == null || actorId.startsWith("apikey:")) {
            return actorId;
        }
        return "official:" + HexFormat.of().formatHex(hmac(("official:" + actorId).getBytes(StandardCharsets.UTF_8)), 0, 8);
    }

    /**
     * A path as the audit log and the service log keep it: percent-decoded, with everything that may be a citizen
     * ID masked ({@link #redact}), whatever its spelling (lowercase x, spaces, full-width digits, separators, split
     * over segments, letters around it). A valid USCC or registration number stays as it is.
     */
    public static String redactPath(String path) {
        return redact(decoded(path));
    }

    /**
     * Text with every run that may be a citizen ID masked: 18 digits (the last may be X) or 15 digits (first
     * generation), half- or full-width, possibly broken by spaces, hyphens, dots or slashes, whatever letters stand
     * around it. A mistyped ID is still someone's, so the check character is not required; codes of organisations
     * (a valid USCC, a valid registration number) are not IDs.
     */
    public static String redact(String text) {
        if (text == null || text.length() < 15) {
            return text;
        }
        List<int[]> uuids = new ArrayList<>();
        for (Matcher uuid = UUID.matcher(text); uuid.find(); ) {
            uuids.add(new int[]{uuid.start(), uuid.end()});
        }
        Matcher candidates = CANDIDATE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (candidates.find()) {
            String digits = CodeValidator.normalize(candidates.group()).replaceAll("[-./\\s]", "");
            int start = candidates.start();
            int end = candidates.end();
            // Hyphenated digits inside a UUID (a request id, a record id) are not an ID written with hyphens.
            boolean inUuid = uuids.stream().anyMatch(u -> start < u[1] && end > u[0]);
            candidates.appendReplacement(out, Matcher.quoteReplacement(!inUuid && mayBeCitizenId(digits)
                    ? mask(digits) : candidates.group()));
        }
        return candidates.appendTail(out).toString();
    }

    /** The same JSON with every text in it {@linkplain #redact redacted} (numbers and keys stay as they are). */
    public static JsonNode redact(JsonNode node) {
        if (node.isTextual()) {
            String text = node.textValue();
            String redacted = redact(text);
            return redacted.equals(text) ? node : TextNode.valueOf(redacted);
        }
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            object.properties().forEach(field -> field.setValue(redact(field.getValue())));
        } else if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, redact(array.get(i)));
            }
        }
        return node;
    }

    /** 18 characters: 17 digits and a digit or X, unless a valid USCC; 15 digits, unless a valid registration number. */
    static boolean mayBeCitizenId(String normalized) {
        int length = normalized.length();
        if ((length != 18 && length != 15) || !normalized.substring(0, length - 1).chars().allMatch(Character::isDigit)) {
            return false;
        }
        char last = normalized.charAt(length - 1);
        if (!Character.isDigit(last) && !(last == 'X' && length == 18)) {
            return false;
        }
        CodeCheck check = CodeValidator.check(normalized);
        return !(check.valid() && (check.kind() == CodeKind.USCC || check.kind() == CodeKind.REGISTRATION_NO));
    }

    private static String decoded(String path) {
        if (path == null || path.indexOf('%') < 0) {
            return path;
        }
        try {
            return URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return path;
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
