package io.creditquery.receipt;

import io.creditquery.common.Digests;
import io.creditquery.support.Ndjson;
import io.creditquery.support.TestStores;
import io.creditquery.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.creditquery.support.IngestLines.enterprise;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ReceiptIT {

    static final String KNOWN = "91350100M000100Y43";
    static final String UNKNOWN = "91110108551385082Q";
    static final String CHECKER = TestTokens.bearer("370100-FGW", "verify");

    @Inject
    TestStores stores;

    @BeforeEach
    void load() {
        stores.reset();
        Ndjson.hub("subjects", enterprise(KNOWN, "福州回执测试有限公司"))
                .statusCode(200);
    }

    static JsonPath check() {
        return given().header("Authorization", CHECKER).contentType(ContentType.JSON)
                .body("{\"scenario\":\"TENDERING\",\"purpose\":\"招标资格审查\",\"codes\":[\"" + KNOWN + "\",\"" + UNKNOWN
                        + "\",\"91350100M000100Y44\"]}")
                .post("/api/v1/verifications").then().statusCode(200).extract().jsonPath();
    }

    static JsonPath verify(String payload, String signature) {
        return given().contentType(ContentType.JSON).body(Map.of("payload", payload, "signature", signature))
                .post("/api/v1/receipts/verify").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aCheckComesWithAReceiptWhoseDigestsTheCallerCanRebuild() {
        JsonPath answer = check();
        JsonPath checked = verify(answer.getString("receipt.payload"), answer.getString("receipt.signature"));
        assertEquals(true, checked.getBoolean("valid"));
        assertEquals("VERIFICATION", checked.getString("claims.kind"));
        assertEquals(answer.getString("id"), checked.getString("claims.verificationId"));
        assertEquals("clerk@370100-FGW", answer.getString("checkedBy"), "the checker's own answer names its login");
        assertTrue(checked.getString("claims.checkedBy").matches("official:[0-9a-f]{16}"),
                "a receipt names the official by a pseudonym only: " + checked.getString("claims.checkedBy"));
        // The caller rebuilds both digests from what it sent and what it got, without the platform.
        String salt = answer.getString("requestSalt");
        assertTrue(salt.matches("[A-Za-z0-9_-]{22}"), salt);
        assertFalse(checked.getMap("claims").containsValue(salt), "the salt opens the digest: not in the receipt");
        String request = String.join("\n", salt, "TENDERING", "招标资格审查", KNOWN, UNKNOWN, "91350100M000100Y44");
        assertEquals(Digests.sha256Hex(request), checked.getString("claims.requestDigest"));
        assertNotEquals(Digests.sha256Hex(String.join("\n", "TENDERING", "招标资格审查", KNOWN, UNKNOWN,
                "91350100M000100Y44")), checked.getString("claims.requestDigest"), "unsalted: guessable from the codes");
        List<String> lines = new ArrayList<>();
        for (Map<String, Object> item : answer.<Map<String, Object>>getList("items")) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> lists = (List<Map<String, Object>>) item.getOrDefault("lists", List.of());
            lines.add(item.get("index") + "|" + item.get("input") + "|" + item.get("status") + "|"
                    + (item.get("verdict") == null ? "" : item.get("verdict")) + "|"
                    + lists.stream().map(l -> (String) l.get("listType")).sorted().collect(Collectors.joining(",")));
        }
        assertEquals(Digests.sha256Hex(String.join("\n", lines)), checked.getString("claims.resultDigest"));
        // Stored with the answer: re-reading the check gives the same receipt.
        given().header("Authorization", CHECKER).get("/api/v1/verifications/" + answer.getString("id")).then()
                .statusCode(200).body("receipt.signature", equalTo(answer.getString("receipt.signature")));
    }

    @Test
    void anUnknownCodeGetsANoHitCertificate() {
        JsonPath answer = check();
        assertEquals(1, answer.getList("noHitCertificates").size());
        JsonPath certificate = verify(answer.getString("noHitCertificates[0].payload"),
                answer.getString("noHitCertificates[0].signature"));
        assertEquals(true, certificate.getBoolean("valid"));
        assertEquals("NO_HIT", certificate.getString("claims.kind"));
        assertEquals(UNKNOWN, certificate.getString("claims.code"));
        assertEquals(Instant.parse(answer.getString("asOf")), Instant.parse(certificate.getString("claims.asOf")));
    }

    @Test
    void aFlippedByteFailsVerification() {
        JsonPath answer = check();
        String payload = answer.getString("receipt.payload");
        String signature = answer.getString("receipt.signature");
        byte[] bytes = Base64.getUrlDecoder().decode(payload);
        String json = new String(bytes, StandardCharsets.UTF_8);
        String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(
                json.replace("\"checked\":3", "\"checked\":2").getBytes(StandardCharsets.UTF_8));
        assertNotEquals(payload, tampered);
        assertEquals(false, verify(tampered, signature).getBoolean("valid"));
        byte[] flipped = Base64.getUrlDecoder().decode(signature);
        flipped[10] ^= 1;
        assertEquals(false, verify(payload, Base64.getUrlEncoder().withoutPadding().encodeToString(flipped))
                .getBoolean("valid"));
        bytes[bytes.length / 2] ^= 1;
        assertEquals(false, verify(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), signature)
                .getBoolean("valid"));
        given().contentType(ContentType.JSON).body("{\"payload\":\"\"}").post("/api/v1/receipts/verify").then()
                .statusCode(400).body("errors.field", equalTo(List.of("payload", "signature")));
    }

    @Test
    void theOfflineCommandChecksReceiptsWithThePublishedKey() throws Exception {
        JsonPath answer = check();
        Path dir = Files.createTempDirectory("receipt");
        Path key = dir.resolve("key.pem");
        Files.writeString(key, given().get("/api/v1/receipts/key").then().statusCode(200)
                .body("alg", equalTo("Ed25519")).extract().path("publicKeyPem"));
        Path good = dir.resolve("good.json");
        Files.writeString(good, "{\"payload\":\"" + answer.getString("receipt.payload") + "\",\"signature\":\""
                + answer.getString("receipt.signature") + "\"}");
        assertEquals(0, run(good, key), "an untouched receipt verifies offline");
        byte[] bytes = Base64.getUrlDecoder().decode(answer.getString("receipt.payload"));
        bytes[5] ^= 1;
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"payload\":\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)
                + "\",\"signature\":\"" + answer.getString("receipt.signature") + "\"}");
        assertEquals(1, run(bad, key), "a flipped byte does not");
    }

    private static int run(Path receipt, Path key) throws Exception {
        Process process = new ProcessBuilder("bin/verify-receipt", receipt.toString(), key.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        assertTrue(exit == 0 ? output.contains("valid: signed by key") : output.contains("INVALID"), output);
        return exit;
    }
}
