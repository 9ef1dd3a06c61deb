package io.creditquery.receipt;

import io.creditquery.common.Pem;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditquery.common.Digests;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** Signs and verifies receipts with the platform's Ed25519 key (JDK only: any Ed25519 tool can check them). */
@ApplicationScoped
public class ReceiptSigner {

    public static final String ALG = "Ed25519";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODE = Base64.getUrlDecoder();

    /** The outcome of a verification; claims only when the signature holds. */
    public record Check(boolean valid, String keyId, String reason, Map<String, Object> claims) {
    }

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String publicPem;
    private final String keyId;
    private final ObjectMapper json;
    private final String issuer;

    public ReceiptSigner(ReceiptConfig config, ObjectMapper json) {
        try {
            this.privateKey = KeyFactory.getInstance(ALG).generatePrivate(new PKCS8EncodedKeySpec(pem(config.signingKey(), "PRIVATE KEY")));
            this.publicPem = Files.readString(Path.of(config.verifyKey()));
            byte[] publicDer = pem(config.verifyKey(), "PUBLIC KEY");
            this.publicKey = KeyFactory.getInstance(ALG).generatePublic(new X509EncodedKeySpec(publicDer));
            this.keyId = Digests.sha256Hex(HexFormat.of().formatHex(publicDer)).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("credit.receipts keys are not an Ed25519 key pair: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("credit.receipts keys cannot be read", e);
        }
        this.json = json;
        this.issuer = config.issuer();
    }

    public String keyId() {
        return keyId;
    }

    public String publicKeyPem() {
        return publicPem;
    }

    /** Signs the claims (the issuer and key id are added first). */
    public Receipt sign(Map<String, Object> claims) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("iss", issuer);
        all.put("kid", keyId);
        all.putAll(claims);
        try {
            byte[] payload = json.writeValueAsBytes(all);
            Signature signer = Signature.getInstance(ALG);
            signer.initSign(privateKey);
            signer.update(payload);
            return new Receipt(ALG, keyId, B64.encodeToString(payload), B64.encodeToString(signer.sign()), all);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("signing a receipt failed", e);
        }
    }

    /** Checks payload and signature; a well-formed receipt that does not verify is {@code valid=false}, not an error. */
    public Check verify(String payload, String signature) {
        byte[] payloadBytes;
        byte[] signatureBytes;
        try {
            payloadBytes = B64_DECODE.decode(payload);
            signatureBytes = B64_DECODE.decode(signature);
        } catch (IllegalArgumentException e) {
            return new Check(false, keyId, "payload or signature is not base64url", null);
        }
        try {
            Signature verifier = Signature.getInstance(ALG);
            verifier.initVerify(publicKey);
            verifier.update(payloadBytes);
            if (!verifier.verify(signatureBytes)) {
                return new Check(false, keyId, "the signature does not match the payload for key " + keyId, null);
            }
        } catch (GeneralSecurityException e) {
            return new Check(false, keyId, "the signature is malformed", null);
        }
        try {
            return new Check(true, keyId, null, json.readValue(new String(payloadBytes, StandardCharsets.UTF_8),
                    new TypeReference<LinkedHashMap<String, Object>>() { }));
        } catch (IOException e) {
            return new Check(false, keyId, "the signed payload is not JSON", null);
        }
    }

    private static byte[] pem(String path, String type) throws IOException {
        return Pem.read(Path.of(path), type).get(0);
    }
}
