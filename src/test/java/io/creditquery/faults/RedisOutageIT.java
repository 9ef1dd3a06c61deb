package io.creditquery.faults;

import io.creditquery.cache.RedisStore;
import io.creditquery.support.Ndjson;
import io.creditquery.support.TestStores;
import io.creditquery.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.creditquery.support.IngestLines.enterprise;
import static io.creditquery.support.IngestLines.listing;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * Redis stops answering (CLIENT PAUSE on the real server, so its connections hang as in a network fault): lookups
 * and credit checks still answer correctly from PostgreSQL, partner keys are refused (their limits cannot be
 * enforced), anonymous callers are served; afterwards everything is back.
 */
@QuarkusTest
class RedisOutageIT {

    private static final String CODE = "91350100M000100Y43";

    @Inject
    TestStores stores;
    @Inject
    RedisStore redis;

    @Test
    void answersFromPostgresqlWhileRedisIsAway() {
        stores.reset();
        Ndjson.hub("subjects", enterprise(CODE, "福州故障测试有限公司")).statusCode(200);
        Ndjson.hub("list-entries", listing(CODE, "SERIOUS_DISHONESTY", "故障〔2025〕1号").withBasis("测试")).statusCode(200);
        String partnerKey = TestTokens.apiKey("故障机构", "verify");

        redis.call(c -> c.clientPause(4_000)).await().indefinitely();
        given().get("/api/v1/subjects/" + CODE).then().statusCode(200)
                .body("name", equalTo("福州故障测试有限公司")).body("lists[0].listType", equalTo("SERIOUS_DISHONESTY"));
        given().header("Authorization", TestTokens.bearer("370100-CZJ", "verify")).contentType("application/json")
                .body("{\"scenario\":\"GOVERNMENT_PROCUREMENT\",\"codes\":[\"" + CODE + "\"]}")
                .post("/api/v1/verifications").then().statusCode(200).body("items[0].verdict", equalTo("BLOCK"));
        given().header("X-API-Key", partnerKey).contentType("application/json")
                .body("{\"scenario\":\"GOVERNMENT_PROCUREMENT\",\"codes\":[\"" + CODE + "\"]}")
                .post("/api/v1/verifications").then().statusCode(503).contentType("application/problem+json");

        stores.count("select count(*) from (select pg_sleep(4)) s");
        given().header("X-API-Key", partnerKey).contentType("application/json")
                .body("{\"scenario\":\"GOVERNMENT_PROCUREMENT\",\"codes\":[\"" + CODE + "\"]}")
                .post("/api/v1/verifications").then().statusCode(200).body("items[0].verdict", equalTo("BLOCK"));
        given().get("/api/v1/subjects/" + CODE).then().statusCode(200).header("RateLimit-Limit", equalTo("5000"));
    }
}
