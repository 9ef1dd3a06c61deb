package io.creditquery.search;

import io.creditquery.support.TestStores;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A query matching more subjects than the facet sample: exact total, facets over the best matches only. */
@QuarkusTest
@TestProfile(FacetSampleIT.SampleOfTwo.class)
class FacetSampleIT {

    public static class SampleOfTwo implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("credit.search.facet-sample", "2");
        }
    }

    @Inject
    TestStores stores;

    @Test
    void facetsCountTheBestMatchesAndSayHowMany() {
        SearchIT.loadFixture(stores);
        JsonPath page = given().queryParam("q", "华信").get("/api/v1/search").then().statusCode(200).extract().jsonPath();
        assertEquals(5, page.getInt("total"));
        assertEquals(2, page.getInt("facetsCounted"));
        List<Integer> typeCounts = page.getList("facets.subjectType.count", Integer.class);
        assertEquals(2, typeCounts.stream().mapToInt(Integer::intValue).sum());
    }
}
