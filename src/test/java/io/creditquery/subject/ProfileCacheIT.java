package io.creditquery.subject;

import io.creditquery.support.Ndjson;
import io.creditquery.support.TestStores;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.creditquery.support.IngestLines.enterprise;
import static io.creditquery.support.IngestLines.listing;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ProfileCacheIT {

    private static final String CODE = "91110108551385082Q";

    @Inject
    TestStores stores;

    @BeforeEach
    void reset() {
        stores.reset();
    }

    @Test
    void changeOfSubjectIsSeenByTheNextRead() {
        Ndjson.hub("subjects", enterprise(CODE, "北京旧名科技有限公司")).statusCode(200);
        given().get("/api/v1/subjects/" + CODE).then().statusCode(200).body("name", equalTo("北京旧名科技有限公司"));
        assertTrue(stores.cached(CODE), "the first read fills the cache");
        given().get("/api/v1/subjects/" + CODE).then().statusCode(200).body("name", equalTo("北京旧名科技有限公司"));

        Ndjson.hub("subjects", enterprise(CODE, "北京新名科技有限公司")).statusCode(200).body("changedSubjects", equalTo(1));
        assertFalse(stores.cached(CODE), "the write evicts the cached view");
        given().get("/api/v1/subjects/" + CODE).then().statusCode(200).body("name", equalTo("北京新名科技有限公司"));
    }

    @Test
    void listExitIsSeenByTheNextRead() {
        Ndjson.hub("subjects", enterprise(CODE, "北京某某科技有限公司")).statusCode(200);
        var entry = listing(CODE, "ABNORMAL_OPERATION", "异常〔2025〕7号").withAuthority("370000-SCJ").withBasis("未报送年度报告")
                .withListedOn("2025-01-02");
        Ndjson.hub("list-entries", entry).statusCode(200);
        given().get("/api/v1/subjects/" + CODE).then().statusCode(200).body("lists[0].listType", equalTo("ABNORMAL_OPERATION"));

        Ndjson.hub("list-entries", entry.withExit("2025-06-01", "补报年度报告")).statusCode(200)
                .body("changedSubjects", equalTo(1));
        given().get("/api/v1/subjects/" + CODE).then().statusCode(200).body("lists", empty());
    }

    /**
     * More concurrent cold lookups than the pool has connections (20): each used to hold a session connection while
     * asking the pool for a second, and all of them waited for one another until the request deadline (503).
     */
    @Test
    void coldLookupsBeyondThePoolSizeAllAnswer() throws Exception {
        int subjects = 64;
        List<String> codes = new java.util.ArrayList<>();
        List<String> lines = new java.util.ArrayList<>();
        for (int i = 0; i < subjects; i++) {
            String code = io.creditquery.demo.DemoDataGenerator.uscc(70_000_000L + i, "ENTERPRISE", "370100");
            codes.add(code);
            lines.add(enterprise(code, "济南并发第" + i + "号有限公司").line());
        }
        Ndjson.hub("subjects", lines).statusCode(200).body("accepted", equalTo(subjects));
        String department = io.creditquery.support.TestTokens.bearer("370100-FGW", "verify");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(subjects);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            var start = new java.util.concurrent.CountDownLatch(1);
            for (String code : codes) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return given().header("Authorization", department).get("/api/v1/subjects/" + code).statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get());
            }
            assertTrue(statuses.stream().allMatch(status -> status == 200), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
    }
}
