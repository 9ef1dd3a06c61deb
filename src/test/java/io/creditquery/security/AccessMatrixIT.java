package io.creditquery.security;

import io.creditquery.support.IngestLines;
import io.creditquery.support.Ndjson;
import io.creditquery.support.TestStores;
import io.creditquery.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import static io.creditquery.support.IngestLines.enterprise;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Who sees which records: a table of callers × classifications, and every way a token can be wrong. */
@QuarkusTest
class AccessMatrixIT {

    private static final String CODE = "91350100M000100Y43";
    private static final String OTHER = "91110108551385082Q";

    @Inject
    TestStores stores;

    @BeforeEach
    void load() {
        stores.reset();
        Ndjson.hub("subjects", enterprise(CODE, "福州分级测试有限公司"), enterprise(OTHER, "北京他人有限公司")).statusCode(200);
        Ndjson.hub("records",
                record("PUB-1", "ADMIN_LICENSE", "PUBLIC", "370100-SCJ", "ACTIVE"),
                record("CON-INSP", "ADMIN_INSPECTION", "CONDITIONAL", "370100-SCJ", "ACTIVE"),
                record("CON-TAX", "TAX_CREDIT_RATING", "CONDITIONAL", "370000-SWJ", "ACTIVE"),
                record("RES-SCJ", "LABOUR_WAGES", "RESTRICTED", "370100-SCJ", "ACTIVE"),
                record("RES-RSJ", "LABOUR_WAGES", "RESTRICTED", "370000-RSJ", "ACTIVE"),
                record("PUB-REPAIRED", "ADMIN_PENALTY", "PUBLIC", "370100-SCJ", "REPAIRED"),
                record("PUB-EXPIRED", "ADMIN_PENALTY", "PUBLIC", "370100-SCJ", "ACTIVE")
                        .withPublicityUntil("2025-09-01")).statusCode(200)
                .body("rejected", equalTo(0));
    }

    /** No content. */
    private static IngestLines.Record record(String docNo, String category, String classification, String dept,
                                             String status) {
        return IngestLines.record(CODE, category, docNo).withSourceDept(dept).withDecisionDate("2025-03-01")
                .withContent(null).withClassification(classification).withStatus(status);
    }

    private static Function<RequestSpecification, RequestSpecification> bearer(String token) {
        return r -> r.header("Authorization", "Bearer " + token);
    }

    @Test
    void eachCallerSeesExactlyWhatItMay() {
        String partnerKey = TestTokens.apiKey("矩阵机构", "search", "verify");
        Map<String, Function<RequestSpecification, RequestSpecification>> callers = new LinkedHashMap<>();
        callers.put("anonymous", r -> r);
        callers.put("partner key", r -> r.header("X-API-Key", partnerKey));
        callers.put("dept A, no scope", bearer(TestTokens.department("370100-SCJ", "search")));
        callers.put("dept A, records:conditional", bearer(TestTokens.department("370100-SCJ", "records:conditional")));
        callers.put("dept B, conditional inspections", bearer(TestTokens.department("370200-SCJ",
                "records:conditional:ADMIN_INSPECTION")));
        callers.put("dept RSJ", bearer(TestTokens.department("370000-RSJ", "verify")));
        callers.put("subject itself", bearer(TestTokens.subject(CODE)));
        callers.put("another subject", bearer(TestTokens.subject(OTHER)));

        Map<String, Set<String>> expected = new LinkedHashMap<>();
        expected.put("anonymous", Set.of("PUB-1"));
        expected.put("partner key", Set.of("PUB-1"));
        expected.put("dept A, no scope", Set.of("PUB-1", "RES-SCJ"));
        expected.put("dept A, records:conditional", Set.of("PUB-1", "CON-INSP", "CON-TAX", "RES-SCJ"));
        expected.put("dept B, conditional inspections", Set.of("PUB-1", "CON-INSP"));
        expected.put("dept RSJ", Set.of("PUB-1", "RES-RSJ"));
        expected.put("subject itself", Set.of("PUB-1", "CON-INSP", "CON-TAX", "RES-SCJ", "RES-RSJ", "PUB-REPAIRED",
                "PUB-EXPIRED"));
        expected.put("another subject", Set.of("PUB-1"));

        callers.forEach((name, caller) -> {
            List<String> seen = caller.apply(given()).get("/api/v1/subjects/" + CODE + "/records")
                    .then().statusCode(200).extract().jsonPath().getList("items.sourceDocNo");
            assertEquals(new TreeSet<>(expected.get(name)), new TreeSet<>(seen), name);
            int counted = caller.apply(given()).get("/api/v1/subjects/" + CODE).then().statusCode(200)
                    .extract().jsonPath().getMap("recordCounts").values().stream().mapToInt(v -> (Integer) v).sum();
            assertEquals(expected.get(name).size(), counted, name + " (profile counts)");
        });
    }

    @Test
    void selfQueryShowsEverythingAndWhoLookedItUp() {
        given().header("Authorization", TestTokens.bearer("370100-CZJ", "verify")).contentType("application/json")
                .body("{\"scenario\":\"GOVERNMENT_PROCUREMENT\",\"codes\":[\"" + CODE + "\"],\"purpose\":\"采购项目A\"}")
                .post("/api/v1/verifications").then().statusCode(200);
        given().header("Authorization", "Bearer " + TestTokens.subject(CODE)).get("/api/v1/me").then().statusCode(200)
                .body("profile.code", equalTo(CODE)).body("records.items.size()", equalTo(7));
        given().header("Authorization", "Bearer " + TestTokens.subject(CODE)).get("/api/v1/me/queries").then().statusCode(200)
                .body("items.scenario", hasItem("GOVERNMENT_PROCUREMENT"))
                .body("items.purpose", hasItem("采购项目A"))
                .body("items.department", hasItem("370100-CZJ"))
                .body("items.departmentName", hasItem("济南市财政局"))
                .body("items.by", hasItem("DEPARTMENT"));
        given().header("Authorization", TestTokens.bearer("370100-SCJ", "search")).get("/api/v1/me").then()
                .statusCode(403).contentType("application/problem+json");
        given().get("/api/v1/me").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void everyKindOfBadTokenIsA401Problem() {
        String good = TestTokens.department("370100-SCJ", "admin");
        String[] parts = good.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String tamperedPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replace("370100-SCJ", "370000-FGW").getBytes(StandardCharsets.UTF_8));
        String noneHeader = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("wrong issuer", Jwt.issuer("https://evil.example").audience(TestTokens.AUDIENCE).subject("x")
                .claim("dept", "370100-SCJ").claim("scope", "admin").sign());
        bad.put("wrong audience", Jwt.issuer(TestTokens.ISSUER).audience("someone-else").subject("x")
                .claim("dept", "370100-SCJ").claim("scope", "admin").sign());
        bad.put("expired", Jwt.issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE).subject("x")
                .claim("dept", "370100-SCJ").claim("scope", "admin")
                .issuedAt(java.time.Instant.now().minusSeconds(7200)).expiresAt(java.time.Instant.now().minusSeconds(3600)).sign());
        bad.put("a hundred years long", Jwt.issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE).subject("x")
                .claim("dept", "370100-SCJ").claim("scope", "admin")
                .expiresAt(java.time.Instant.now().plus(java.time.Duration.ofDays(36_500))).sign());
        bad.put("nine hours long", Jwt.issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE).subject("x")
                .claim("dept", "370100-SCJ").claim("scope", "admin")
                .expiresAt(java.time.Instant.now().plus(java.time.Duration.ofHours(9))).sign());
        bad.put("issued in an hour", Jwt.issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE).subject("x")
                .claim("dept", "370100-SCJ").claim("scope", "admin").issuedAt(java.time.Instant.now().plusSeconds(3600))
                .expiresAt(java.time.Instant.now().plusSeconds(4000)).sign());
        bad.put("tampered", parts[0] + "." + tamperedPayload + "." + parts[2]);
        bad.put("alg none", noneHeader + "." + parts[1] + ".");
        bad.put("unknown key", Jwt.issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE).subject("x")
                .claim("dept", "370100-SCJ").claim("scope", "admin").jws().keyId("other")
                .sign(otherKey()));
        bad.forEach((name, token) -> {
            for (String path : List.of("/api/v1/admin/index", "/api/v1/codes/" + CODE)) {
                given().header("Authorization", "Bearer " + token).get(path).then()
                        .statusCode(401).contentType("application/problem+json");
            }
        });
        given().header("Authorization", "Bearer " + good).get("/api/v1/admin/index").then().statusCode(200);
    }

    private static java.security.PrivateKey otherKey() {
        try {
            java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
