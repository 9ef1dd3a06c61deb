package io.creditquery.receipt;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Receipts signed here are plain RFC 8032 Ed25519: the JDK's implementation agrees byte for byte, both ways. */
class ReceiptSignerTest {

    @TempDir
    static Path dir;
    static KeyPair pair;
    static ReceiptSigner signer;

    @BeforeAll
    static void keys() throws Exception {
        pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        signer = new ReceiptSigner(config(write("signing.pem", "PRIVATE KEY", pair.getPrivate().getEncoded()),
                write("verify.pem", "PUBLIC KEY", pair.getPublic().getEncoded())), new ObjectMapper());
    }

    @Test
    void theJdkVerifiesAReceiptAndSignsTheSameBytes() throws Exception {
        Receipt receipt = signer.sign(Map.of("sub", "91370000163040440E", "verdict", "PASS"));
        byte[] payload = Base64.getUrlDecoder().decode(receipt.payload());
        byte[] signature = Base64.getUrlDecoder().decode(receipt.signature());
        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initVerify(pair.getPublic());
        jdk.update(payload);
        assertTrue(jdk.verify(signature));
        jdk.initSign(pair.getPrivate());
        jdk.update(payload);
        assertArrayEquals(jdk.sign(), signature, "Ed25519 is deterministic: a receipt signed before the change is identical");
    }

    @Test
    void aReceiptSignedByTheJdkVerifiesAndATamperedOneDoesNot() throws Exception {
        byte[] payload = "{\"iss\":\"credit-query\",\"verdict\":\"PASS\"}".getBytes(StandardCharsets.UTF_8);
        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initSign(pair.getPrivate());
        jdk.update(payload);
        String signature = b64(jdk.sign());
        ReceiptSigner.Check valid = signer.verify(b64(payload), signature);
        assertTrue(valid.valid());
        assertEquals("PASS", valid.claims().get("verdict"));

        byte[] tampered = "{\"iss\":\"credit-query\",\"verdict\":\"FAIL\"}".getBytes(StandardCharsets.UTF_8);
        ReceiptSigner.Check forged = signer.verify(b64(tampered), signature);
        assertFalse(forged.valid());
        assertEquals("the signature does not match the payload for key " + signer.keyId(), forged.reason());
        assertEquals("the signature is malformed", signer.verify(b64(payload), signature.substring(4)).reason());
        assertEquals("payload or signature is not base64url", signer.verify("not base64!", signature).reason());
    }

    @Test
    void aPublicKeyOfAnotherPairIsRefusedAtStart() throws Exception {
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        ReceiptConfig mismatched = config(dir.resolve("signing.pem"), write("other.pem", "PUBLIC KEY", other.getPublic().getEncoded()));
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> new ReceiptSigner(mismatched, new ObjectMapper()));
        assertTrue(refused.getMessage().contains("not the public key of signing-key"), refused.getMessage());
    }

    @Test
    void aKeyOfAnotherAlgorithmIsRefusedAtStart() throws Exception {
        KeyPair ec = KeyPairGenerator.getInstance("EC").generateKeyPair();
        ReceiptConfig wrong = config(write("ec.pem", "PRIVATE KEY", ec.getPrivate().getEncoded()), dir.resolve("verify.pem"));
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> new ReceiptSigner(wrong, new ObjectMapper()));
        assertTrue(refused.getMessage().contains("not an Ed25519 key pair"), refused.getMessage());
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Path write(String name, String type, byte[] der) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END " + type + "-----\n");
        return file;
    }

    private static ReceiptConfig config(Path signingKey, Path verifyKey) {
        return new ReceiptConfig() {
            @Override
            public String signingKey() {
                return signingKey.toString();
            }

            @Override
            public String verifyKey() {
                return verifyKey.toString();
            }

            @Override
            public String issuer() {
                return "credit-query";
            }
        };
    }
}
