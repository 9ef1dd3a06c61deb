package io.creditquery.search;

import io.creditquery.support.Ndjson;
import io.creditquery.support.TestStores;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.creditquery.support.IngestLines.enterprise;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** explain=true says which features made a hit match, with the score each contributed. */
@QuarkusTest
class ExplainIT {

    static final String CODE = "91350100M000100Y43";

    @Inject
    TestStores stores;

    @BeforeEach
    void load() {
        stores.reset();
        Ndjson.hub("subjects", enterprise(CODE, "福州华信建材有限公司").withLegalRepresentative("林晓峰")).statusCode(200);
        stores.awaitIndexed(CODE);
    }

    static Map<String, Object> features(String q) {
        JsonPath answer = given().queryParam("q", q).queryParam("explain", "true").get("/api/v1/search").then()
                .statusCode(200).extract().jsonPath();
        assertTrue(answer.getDouble("items[0].explain.score") > 0, q);
        return answer.getMap("items[0].explain.features");
    }

    @Test
    void eachWayOfFindingASubjectIsNamedWithItsScore() {
        assertTrue(features(CODE).containsKey("code_exact"));
        assertEquals(1000.0, ((Number) features(CODE).get("code_exact")).doubleValue(), 0.001);
        Map<String, Object> fullName = features("福州华信建材有限公司");
        assertTrue(fullName.containsKey("name_exact") && fullName.containsKey("name_bigrams"), fullName.toString());
        assertTrue(features("华信建材").containsKey("name_bigrams"));
        assertTrue(features("林晓峰").containsKey("legal_representative"));
        assertTrue(features("fzhxjc").keySet().stream().anyMatch(f -> f.startsWith("pinyin_initials")));
        assertNull(given().queryParam("q", CODE).get("/api/v1/search").then().extract().path("items[0].explain"),
                "only on request");
        Map<String, Object> suggested = given().queryParam("q", "福州华").queryParam("explain", "true")
                .get("/api/v1/suggest").then().statusCode(200).extract().path("[0].explain.features");
        assertTrue(suggested.containsKey("name_prefix"), suggested.toString());
        given().queryParam("q", "x").queryParam("explain", "maybe").get("/api/v1/search").then().statusCode(400);
    }
}
