package io.creditquery.security;

import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * Citizen IDs are never stored in clear: they are keyed by an HMAC (so equal IDs meet without a rainbow table
 * reversing them) and shown masked.
 */
@ApplicationScoped
public class PersonalIds {

    /** Subject keys of natural persons start with this prefix; USCCs never do (P is not a registration authority). */
    public static final String KEY_PREFIX = "P-";

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

    /** {@code 370102199003071234} → {@code 3701**********1234}. */
    public static String mask(String citizenId) {
        if (citizenId == null || citizenId.length() < 8) {
            return "****";
        }
        return citizenId.substring(0, 4) + "*".repeat(citizenId.length() - 8) + citizenId.substring(citizenId.length() - 4);
    }
}
