package io.creditquery.apikey;

import io.creditquery.support.TestStores;
import io.creditquery.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

@QuarkusTest
class ApiKeysIT {

    private static final String CHECK = "{\"scenario\":\"TENDERING\",\"codes\":[\"91350100M000100Y43\"]}";

    @Inject
    TestStores stores;

    private static RequestSpecification admin() {
        return given().header("Authorization", TestTokens.bearer("370000-FGW", "admin")).contentType("application/json");
    }

    private static JsonPath issue(Map<String, Object> request) {
        return admin().body(request).post("/api/v1/admin/api-keys").then().statusCode(201).extract().jsonPath();
    }

    private static int check(String header, String value) {
        return given().header(header, value).contentType("application/json").body(CHECK)
                .post("/api/v1/verifications").getStatusCode();
    }

    @Test
    void aPartnersStoredCheckIsNotAnotherPartners() {
        String first = issue(Map.of("name", "甲征信", "scopes", List.of("verify"))).getString("key");
        String second = issue(Map.of("name", "乙征信", "scopes", List.of("verify"))).getString("key");
        String id = given().header("X-API-Key", first).contentType("application/json").body(CHECK)
                .post("/api/v1/verifications").then().statusCode(200).extract().path("id");
        given().header("X-API-Key", first).get("/api/v1/verifications/" + id).then().statusCode(200);
        given().header("X-API-Key", second).get("/api/v1/verifications/" + id).then().statusCode(404);
        given().header("Authorization", TestTokens.bearer("370100-FGW", "verify")).get("/api/v1/verifications/" + id)
                .then().statusCode(404);
    }

    @Test
    void secretIsShownOnceAndStoredOnlyAsAHash() {
        JsonPath issued = issue(Map.of("name", "某征信有限公司", "scopes", List.of("verify")));
        String key = issued.getString("key");
        String id = issued.getString("client.id");
        assertEquals(true, key.startsWith("cq_"));
        assertEquals(0, stores.count("select count(*) from api_client where key_hash like '%' || $1 || '%'"
                + " or key_prefix = $2", key.substring(3, 20), key));
        admin().get("/api/v1/admin/api-keys").then().statusCode(200)
                .body("find { it.id == '" + id + "' }.name", equalTo("某征信有限公司"))
                .body("toString()", not(containsString(key)));
        assertEquals(200, check("Authorization", "ApiKey " + key));
        assertEquals(200, check("X-API-Key", key));
        assertEquals(2, stores.count("select count(*) from audit_event where api_key_id = $1 and actor_kind = 'PARTNER'", id));
    }

    @Test
    void scopesRevocationExpiryAndRotation() {
        String searchOnly = issue(Map.of("name", "只读机构", "scopes", List.of("search"))).getString("key");
        assertEquals(403, check("X-API-Key", searchOnly));

        JsonPath revoked = issue(Map.of("name", "将被吊销", "scopes", List.of("verify")));
        assertEquals(200, check("X-API-Key", revoked.getString("key")));
        admin().delete("/api/v1/admin/api-keys/" + revoked.getString("client.id")).then().statusCode(200)
                .body("revokedAt", notNullValue());
        assertEquals(401, check("X-API-Key", revoked.getString("key")));
        given().header("X-API-Key", revoked.getString("key")).get("/api/v1/codes/91350100M000100Y43").then()
                .statusCode(401).contentType("application/problem+json");

        JsonPath expiring = issue(Map.of("name", "将到期", "scopes", List.of("verify"),
                "expiresAt", OffsetDateTime.now().plusSeconds(2).toString()));
        assertEquals(200, check("X-API-Key", expiring.getString("key")));
        stores.count("select count(*) from (select pg_sleep(2.5)) s");
        assertEquals(401, check("X-API-Key", expiring.getString("key")));

        JsonPath rotating = issue(Map.of("name", "轮换", "scopes", List.of("verify")));
        String old = rotating.getString("key");
        String id = rotating.getString("client.id");
        String fresh = admin().post("/api/v1/admin/api-keys/" + id + "/rotate?graceMinutes=5").then().statusCode(200)
                .extract().jsonPath().getString("key");
        assertNotEquals(old, fresh);
        assertEquals(200, check("X-API-Key", old), "old key valid during the grace period");
        assertEquals(200, check("X-API-Key", fresh));
        String newest = admin().post("/api/v1/admin/api-keys/" + id + "/rotate?graceMinutes=0").then().statusCode(200)
                .extract().jsonPath().getString("key");
        assertEquals(401, check("X-API-Key", fresh), "rotated out with no grace");
        assertEquals(401, check("X-API-Key", old));
        assertEquals(200, check("X-API-Key", newest));
        assertEquals(401, check("X-API-Key", "cq_" + UUID.randomUUID()));
    }

    @Test
    void rateLimitAnswers429WithHeadersAndQuotaLikewise() {
        String limited = issue(Map.of("name", "限速机构", "scopes", List.of("verify"), "ratePerMinute", 3)).getString("key");
        for (int i = 0; i < 3; i++) {
            given().header("X-API-Key", limited).contentType("application/json").body(CHECK).post("/api/v1/verifications")
                    .then().statusCode(200).header("RateLimit-Limit", "3")
                    .header("RateLimit-Remaining", String.valueOf(2 - i)).header("RateLimit-Policy", "3;w=60");
        }
        given().header("X-API-Key", limited).contentType("application/json").body(CHECK).post("/api/v1/verifications")
                .then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", notNullValue()).header("RateLimit-Remaining", "0")
                .body("detail", containsString("more than 3 requests in a minute"));

        String quota = issue(Map.of("name", "限额机构", "scopes", List.of("verify"), "dailyQuota", 2)).getString("key");
        assertEquals(200, check("X-API-Key", quota));
        assertEquals(200, check("X-API-Key", quota));
        given().header("X-API-Key", quota).contentType("application/json").body(CHECK).post("/api/v1/verifications")
                .then().statusCode(429).body("detail", containsString("daily quota of 2"));
    }

    @Test
    void anonymousCallersAreCountedPerClientAddress() {
        String ip = "198.51.100." + (1 + new java.util.Random().nextInt(250)) + "-" + UUID.randomUUID();
        int first = Integer.parseInt(given().header("X-Forwarded-For", ip).get("/api/v1/codes/91350100M000100Y43")
                .then().statusCode(200).extract().header("RateLimit-Remaining"));
        int second = Integer.parseInt(given().header("X-Forwarded-For", ip).get("/api/v1/codes/91350100M000100Y43")
                .then().statusCode(200).header("RateLimit-Limit", "5000").extract().header("RateLimit-Remaining"));
        assertEquals(first - 1, second);
    }

    @Test
    void onlyAdminsManageKeysAndOnlyPartnerScopesAreGrantable() {
        given().header("Authorization", TestTokens.bearer("370100-SCJ", "verify")).contentType("application/json")
                .body(Map.of("name", "x", "scopes", List.of("verify"))).post("/api/v1/admin/api-keys")
                .then().statusCode(403);
        admin().body(Map.of("name", "x", "scopes", List.of("admin"))).post("/api/v1/admin/api-keys")
                .then().statusCode(400).body("errors[0].field", equalTo("scopes"));
        admin().body(Map.of("name", " ", "scopes", List.of("verify"), "ratePerMinute", 0)).post("/api/v1/admin/api-keys")
                .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.contains("name", "ratePerMinute"));
        admin().delete("/api/v1/admin/api-keys/" + UUID.randomUUID()).then().statusCode(404);
    }
}
