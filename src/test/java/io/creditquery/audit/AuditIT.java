package io.creditquery.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditquery.ingest.IngestResource;
import io.creditquery.support.Ndjson;
import io.creditquery.support.TestStores;
import io.creditquery.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static io.creditquery.support.IngestLines.enterprise;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class AuditIT {

    private static final String USCC = "91350100M000100Y43";

    @Inject
    TestStores stores;
    @Inject
    Pool pool;
    @Inject
    AuditHash hash;
    @Inject
    Vertx vertx;
    @Inject
    ObjectMapper json;
    @Inject
    AuditConfig config;
    @Inject
    AuditVerifier verifier;

    private long events(String requestId) {
        return stores.count("select count(*) from audit_event where client_request_id = $1", requestId);
    }

    /** Every operation in the OpenAPI document under /api/v1 leaves exactly one event, whatever its answer. */
    @Test
    void everyRouteLeavesExactlyOneEvent() {
        JsonPath openapi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Map<String, Object>> paths = openapi.getMap("paths");
        String admin = TestTokens.bearer("370000-FGW", "admin ingest:all verify");
        int routes = 0;
        for (var path : paths.entrySet()) {
            if (!path.getKey().startsWith("/api/v1/")) {
                continue;
            }
            for (String method : path.getValue().keySet()) {
                String concrete = path.getKey().replace("{code}", USCC).replace("{kind}", "subjects")
                        .replace("{id}", UUID.randomUUID().toString()).replace("{trackingId}", "YY-0000000000000000000Z")
                        .replace("{number}", "CR-0000000000000000000Z");
                String requestId = "route-" + UUID.randomUUID();
                var request = given().header("Authorization", admin).header("X-Request-Id", requestId)
                        .queryParam("q", "华信");
                if (concrete.equals("/api/v1/verifications")) {
                    request.contentType("application/json").body("{\"scenario\":\"TENDERING\",\"codes\":[\"" + USCC + "\"]}");
                } else if (method.equals("post")) {
                    request.contentType(IngestResource.NDJSON)
                            .body(enterprise(USCC, "福州审计测试有限公司").line().getBytes(StandardCharsets.UTF_8));
                }
                int status = request.request(method.toUpperCase(), concrete.startsWith("/api/v1/search")
                        || concrete.startsWith("/api/v1/suggest") ? concrete : concrete.replace("?", "")).getStatusCode();
                assertTrue(status < 500, method + " " + concrete + " answered " + status);
                assertEquals(1, events(requestId), method + " " + concrete + " must leave exactly one audit event");
                routes++;
            }
        }
        assertTrue(routes >= 9, "expected the API's routes in the OpenAPI document, found " + routes);
    }

    @Test
    void searchEventsListEverySubjectReturned() {
        // Its own data: the test must not depend on what other test classes left in the index.
        Ndjson.hub("subjects", enterprise(USCC, "福州审计有限公司"), enterprise("91110108551385082Q", "北京审计有限公司"))
                .statusCode(200);
        // Searchable, not only stored: a document is found by search only after the index refreshes.
        await().atMost(Duration.ofSeconds(30)).until(() -> given().queryParam("q", "审计有限公司").queryParam("size", 5)
                .get("/api/v1/search").then().statusCode(200).extract().jsonPath().getList("items.code").size() >= 2);
        String requestId = "search-" + UUID.randomUUID();
        List<String> codes = given().header("X-Request-Id", requestId).queryParam("q", "有限公司").queryParam("size", 5)
                .get("/api/v1/search").then().statusCode(200).extract().jsonPath().getList("items.code");
        assertEquals(codes.size(), stores.count("select jsonb_array_length(subjects) from audit_event where client_request_id = $1",
                requestId));
        assertTrue(codes.size() > 0, "the search found something to audit");
        // An auditor finds the search by one of the subjects it returned.
        List<String> found = given().header("Authorization", TestTokens.bearer("370000-FGW", "admin"))
                .queryParam("subject", codes.get(0)).queryParam("size", 100).get("/api/v1/admin/audit")
                .then().statusCode(200).extract().jsonPath().getList("items.event.clientRequestId");
        assertTrue(found.contains(requestId), found.toString());
    }

    /** Two writers (as two replicas would be) appending at once still make one valid chain. */
    @Test
    void concurrentWritersKeepOneChain() {
        AuditLog replicaA = new AuditLog(pool, vertx, json, config, hash);
        AuditLog replicaB = new AuditLog(pool, vertx, json, config, hash);
        String marker = "replica-" + UUID.randomUUID();
        List<Uni<Void>> appends = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            AuditEvent event = new AuditEvent(OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS), "TEST", "writer-" + (i % 2),
                    null, null, "127.0.0.1", "GET", "/api/v1/test", Map.of("i", Integer.toString(i)), List.of(), 0,
                    200, 1, marker, i % 3 == 0 ? "client-" + i : null);
            appends.add((i % 2 == 0 ? replicaA : replicaB).append(event));
        }
        Uni.join().all(appends).andFailFast().await().indefinitely();
        assertEquals(400, stores.count("select count(*) from audit_event where request_id = $1", marker));
        AuditVerifier.Verification verification = verifier.verify().await().indefinitely();
        assertTrue(verification.intact(), verification.toString());
    }

    /** With the audit table unwritable, queries are refused with 503; every 200 answered has its event. */
    @Test
    void noAnswerWithoutItsEvent() throws Exception {
        String marker = "outage-" + UUID.randomUUID();
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> load = new ArrayList<>();
            for (int c = 0; c < 6; c++) {
                load.add(clients.submit(() -> {
                    for (int i = 0; i < 60; i++) {
                        int status = given().header("X-Request-Id", marker).get("/api/v1/codes/" + USCC).getStatusCode();
                        (status == 200 ? answered : refused).incrementAndGet();
                        if (status != 200) {
                            assertEquals(503, status);
                        }
                    }
                }));
            }
            Thread.sleep(150);
            stores.asOwner("alter table audit_event rename to audit_event_unavailable");
            given().get("/api/v1/codes/" + USCC).then().statusCode(503)
                    .contentType("application/problem+json").body("detail", equalTo(
                            "the audit log cannot be written, so no query is answered; try again later"));
            Thread.sleep(300);
            stores.asOwner("alter table audit_event_unavailable rename to audit_event");
            for (Future<?> f : load) {
                f.get();
            }
        } finally {
            clients.shutdownNow();
            stores.asOwner("alter table if exists audit_event_unavailable rename to audit_event");
        }
        assertTrue(refused.get() > 0, "some requests fell in the outage");
        assertEquals(answered.get(), stores.count(
                "select count(*) from audit_event where client_request_id = $1 and status = 200", marker));
        assertTrue(verifier.verify().await().indefinitely().intact());
    }
}
