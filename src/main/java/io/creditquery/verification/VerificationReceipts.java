package io.creditquery.verification;

import io.creditquery.common.Digests;
import io.creditquery.receipt.Receipt;
import io.creditquery.receipt.ReceiptSigner;
import io.creditquery.security.PersonalIds;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Receipts of credit checks (proof that a check was made and what it answered) and no-hit certificates (proof that a
 * code named no subject at that time). The digests are over plain texts that anyone can rebuild from the request they
 * sent and the answer they got (docs/receipts.md), not over JSON, whose formatting may change on the way:
 * <ul>
 *   <li>request: the answer's {@code requestSalt}, the scenario, the purpose (empty if none) and each code as sent,
 *   one per line (the salt is in the answer, not in the receipt: a receipt alone does not give away which citizen
 *   ID was checked, since without it no one can try candidate IDs against the digest);</li>
 *   <li>result: one line per item, {@code index|input|status|verdict|sorted list types}, as in the answer.</li>
 * </ul>
 */
@ApplicationScoped
public class VerificationReceipts {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ReceiptSigner signer;
    private final PersonalIds personalIds;

    public VerificationReceipts(ReceiptSigner signer, PersonalIds personalIds) {
        this.signer = signer;
        this.personalIds = personalIds;
    }

    /** 128 random bits, base64url: the opening of one check's request digest. */
    static String newSalt() {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(salt);
    }

    public static String requestText(String salt, String scenario, String purpose, List<String> codes) {
        List<String> lines = new ArrayList<>();
        lines.add(salt);
        lines.add(scenario);
        lines.add(purpose == null ? "" : purpose);
        codes.forEach(code -> lines.add(code == null ? "" : code));
        return String.join("\n", lines);
    }

    public static String resultText(List<VerificationResult.Item> items) {
        return items.stream().map(item -> item.index() + "|" + item.input() + "|" + item.status() + "|"
                        + (item.verdict() == null ? "" : item.verdict().name()) + "|"
                        + (item.lists() == null ? "" : item.lists().stream().map(SubjectFacts.ListFact::listType)
                        .sorted().collect(Collectors.joining(","))))
                .collect(Collectors.joining("\n"));
    }

    Receipt receipt(VerificationResult result, List<String> requestedCodes) {
        Map<String, Object> claims = base("VERIFICATION", result);
        claims.put("department", result.department());
        claims.put("checkedBy", personalIds.official(result.checkedBy()));
        claims.put("checked", result.items().size());
        claims.put("requestDigest", Digests.sha256Hex(requestText(result.requestSalt(), result.scenario().name(),
                result.purpose(), requestedCodes)));
        claims.put("resultDigest", Digests.sha256Hex(resultText(result.items())));
        return signer.sign(claims);
    }

    List<Receipt> noHits(VerificationResult result) {
        return result.items().stream().filter(item -> "UNKNOWN".equals(item.status()) && item.duplicateOf() == null)
                .map(item -> {
                    Map<String, Object> claims = base("NO_HIT", result);
                    claims.put("code", item.input());
                    claims.put("statement", "no credit subject was known by this code on the platform at asOf");
                    return signer.sign(claims);
                }).toList();
    }

    private static Map<String, Object> base(String kind, VerificationResult result) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("kind", kind);
        claims.put("iat", result.asOf().toEpochSecond());
        claims.put("asOf", result.asOf().toString());
        claims.put("validOn", result.validOn() == null ? null : result.validOn().toString());
        claims.put("knownAt", result.knownAt() == null ? null : result.knownAt().toString());
        claims.put("verificationId", result.id());
        claims.put("scenario", result.scenario().name());
        claims.values().removeIf(Objects::isNull);
        return claims;
    }
}
