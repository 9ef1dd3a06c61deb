package io.creditquery.faults;

import io.creditquery.support.Ndjson;
import io.creditquery.support.TestStores;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import static io.creditquery.support.IngestLines.enterprise;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Elasticsearch hangs (the real node is frozen with SIGSTOP, as in a network partition): search answers 503 with a
 * clear reason, lookups by code and ingest keep working, and once the node is back the outbox brings the index up
 * to date — nothing acknowledged is lost.
 */
@QuarkusTest
class ElasticsearchOutageIT {

    private static final String CODE = "91350100M000100Y43";

    @Inject
    TestStores stores;

    @Test
    void searchRefusesClearlyLookupsWorkAndTheIndexCatchesUp() throws Exception {
        stores.reset();
        long node = elasticsearchPid();
        signal("STOP", node);
        try {
            Ndjson.hub("subjects", enterprise(CODE, "福州断连测试有限公司"))
                    .statusCode(200).body("accepted", equalTo(1));
            given().get("/api/v1/subjects/" + CODE).then().statusCode(200).body("name", equalTo("福州断连测试有限公司"));
            given().queryParam("q", "断连测试").get("/api/v1/search").then().statusCode(503)
                    .contentType("application/problem+json")
                    .body("detail", containsString("lookups by code (GET /api/v1/subjects/{code}) still work"));
            assertEquals(1, stores.count("select count(*) from search_outbox"), "the change waits in the outbox");
        } finally {
            signal("CONT", node);
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, Object> doc = stores.indexed(CODE);
            assertNotNull(doc);
            assertEquals("福州断连测试有限公司", doc.get("name"));
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(0, stores.count("select count(*) from search_outbox")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().queryParam("q", "断连测试").get("/api/v1/search")
                .then().statusCode(200).body("items[0].code", equalTo(CODE)));
    }

    private static long elasticsearchPid() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("org.elasticsearch.server")
                        || c.contains("org.elasticsearch.bootstrap.Elasticsearch")).orElse(false))
                .mapToLong(ProcessHandle::pid).findFirst()
                .orElseThrow(() -> new IllegalStateException("no Elasticsearch process on this machine"));
    }

    private static void signal(String signal, long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertEquals(0, kill.waitFor(), "kill -" + signal + " " + pid);
    }
}
