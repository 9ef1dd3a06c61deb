package io.creditquery.apikey;

import io.creditquery.security.SecurityConfig;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Makes API keys and their stored form: HMAC-SHA256 with a server-side pepper; the key itself is never stored. */
@ApplicationScoped
public class ApiKeyHasher {

    static final String PREFIX = "cq_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec pepper;

    public ApiKeyHasher(SecurityConfig config) {
        this.pepper = new SecretKeySpec(HexFormat.of().parseHex(config.apiKeyPepper().trim()), "HmacSHA256");
    }

    /** A new secret: 32 random bytes, URL-safe, recognisable by its prefix (for secret scanners). */
    public String newKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public String hash(String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(pepper);
            return HexFormat.of().formatHex(mac.doFinal(key.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What may be shown of a key: enough to tell keys apart in a list. */
    public static String displayPrefix(String key) {
        return key.substring(0, Math.min(key.length(), PREFIX.length() + 6)) + "…";
    }
}
