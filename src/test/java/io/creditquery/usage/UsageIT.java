package io.creditquery.usage;

import io.creditquery.support.Ndjson;
import io.creditquery.support.TestStores;
import io.creditquery.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.creditquery.support.IngestLines.enterprise;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class UsageIT {

    static final String CODE = "91350100M000100Y43";

    @Inject
    TestStores stores;

    @BeforeEach
    void load() {
        stores.reset();
        Ndjson.hub("subjects", enterprise(CODE, "福州用量测试有限公司"))
                .statusCode(200);
    }

    @Test
    void aKeySeesItsCallsBilledUnitsAndQuotaLeft() {
        String key = given().header("Authorization", TestTokens.bearer("370000-FGW", "admin")).contentType("application/json")
                .body(Map.of("name", "用量测试征信", "scopes", List.of("verify", "search"), "dailyQuota", 100))
                .post("/api/v1/admin/api-keys").then().statusCode(201).extract().path("key");
        given().header("X-API-Key", key).get("/api/v1/subjects/" + CODE).then().statusCode(200);
        given().header("X-API-Key", key).contentType("application/json")
                .body("{\"scenario\":\"TENDERING\",\"codes\":[\"" + CODE + "\",\"" + CODE + "\",\"91110108551385082Q\","
                        + "\"91350100M000100Y44\",\"x\"]}")
                .post("/api/v1/verifications").then().statusCode(200);
        given().header("X-API-Key", key).contentType("application/json").body("{\"scenario\":\"NOPE\",\"codes\":[]}")
                .post("/api/v1/verifications").then().statusCode(400);

        JsonPath usage = given().header("X-API-Key", key).get("/api/v1/usage").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(100, usage.getInt("dailyQuota"));
        assertEquals(4, usage.getLong("quotaUsedToday"), "three calls and this one");
        assertEquals(96, usage.getLong("quotaLeftToday"));
        assertEquals(3, usage.getLong("totals.calls"));
        assertEquals(1, usage.getLong("totals.refused"));
        assertEquals(6, usage.getLong("totals.billedUnits"), "1 profile + 5 codes checked; the refused call is free");
        Map<String, Object> checks = usage.getMap("lines.find { it.route == '/api/v1/verifications' }");
        assertEquals(2, checks.get("calls"));
        assertEquals(5, checks.get("billedUnits"));
        assertEquals(1, usage.<Map<String, Object>>getList("lines.findAll { it.route == '/api/v1/subjects/{id}' }")
                .size());
    }

    @Test
    void onlyKeyHoldersHaveUsageAndPeriodsAreBounded() {
        given().header("Authorization", TestTokens.bearer("370100-FGW", "verify")).get("/api/v1/usage").then()
                .statusCode(403);
        given().header("Authorization", TestTokens.bearer("370100-FGW", "verify")).queryParam("from", "2026-02-01")
                .queryParam("to", "2026-01-01").get("/api/v1/usage").then().statusCode(400)
                .body("errors[0].field", equalTo("to"));
        given().get("/api/v1/usage").then().statusCode(401);
    }
}
