package io.creditquery.audit;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.TreeMap;

/**
 * The chain hash of an audit event: HMAC-SHA-256, keyed with {@code credit.audit.chain-key}, over the previous
 * hash and a canonical text of every stored field (query keys sorted, timestamps in UTC to the microsecond as
 * PostgreSQL keeps them), so the writer and the verifier, which reads the row back, compute the same value. The
 * key lives with the service, not in the database: whoever can write the tables cannot forge a link.
 */
@Singleton
public final class AuditHash {

    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'");

    private final ThreadLocal<Mac> macs;

    @Inject
    public AuditHash(AuditConfig config) {
        this(HexFormat.of().parseHex(config.chainKey().trim()));
    }

    public AuditHash(byte[] key) {
        if (key.length < 16) {
            throw new IllegalStateException("credit.audit.chain-key must be at least 16 bytes of hex");
        }
        SecretKeySpec spec = new SecretKeySpec(key, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(spec);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    public String of(String previousHash, AuditEvent e) {
        return HexFormat.of().formatHex(macs.get().doFinal(text(previousHash, e).getBytes(StandardCharsets.UTF_8)));
    }

    /** The canonical text that is hashed (also what the unkeyed chain before V18 hashed with plain SHA-256). */
    static String text(String previousHash, AuditEvent e) {
        StringBuilder text = new StringBuilder(256).append(previousHash);
        field(text, e.occurredAt().atZoneSameInstant(ZoneOffset.UTC).format(MICROS));
        field(text, e.actorKind());
        field(text, e.actorId());
        field(text, e.department());
        field(text, e.apiKeyId());
        field(text, e.clientIp());
        field(text, e.method());
        field(text, e.endpoint());
        new TreeMap<>(e.query()).forEach((k, v) -> field(text, k + "=" + v));
        field(text, "#subjects");
        e.subjects().forEach(s -> field(text, s));
        field(text, Integer.toString(e.resultCount()));
        field(text, Integer.toString(e.status()));
        field(text, Long.toString(e.latencyMicros()));
        field(text, e.requestId());
        if (e.clientRequestId() != null) {
            // Only events that have one hash it, so the chain written before the field existed still verifies.
            field(text, "#client");
            field(text, e.clientRequestId());
        }
        return text.toString();
    }

    /** Each field behind a separator, with null distinct from the empty string. */
    private static void field(StringBuilder text, String value) {
        text.append('\u001E');
        if (value == null) {
            text.append('\u0000');
        } else if (value.indexOf('\\') < 0 && value.indexOf('\u001E') < 0) {
            text.append(value);
        } else {
            text.append(value.replace("\\", "\\\\").replace("\u001E", "\\u001E"));
        }
    }
}
