package io.creditquery.faults;

import io.creditquery.frontdoor.FrontDoor;
import io.creditquery.support.CheckBodies;
import io.creditquery.support.TestStores;
import io.creditquery.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A request still running at the deadline is answered 503 with Retry-After, not left waiting; no slot leaks. */
@QuarkusTest
@TestProfile(RequestDeadlineIT.OneMillisecond.class)
class RequestDeadlineIT {

    public static class OneMillisecond implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("credit.overload.request-deadline", "1ms");
        }
    }

    @Inject
    FrontDoor guard;
    @Inject
    TestStores stores;

    @Test
    void aRequestPastItsDeadlineIsAnswered503() {
        // A 1,000-code check reads PostgreSQL and writes its stored answer: far more than a millisecond.
        String batch = CheckBodies.batchOf(1000, "91350100M000100Y43");
        String requestId = given().header("Authorization", TestTokens.bearer("370000-FGW", "verify"))
                .contentType("application/json").body(batch).post("/api/v1/verifications").then().statusCode(503)
                .contentType("application/problem+json").header("Retry-After", equalTo("1"))
                .body("type", containsString("deadline-exceeded")).extract().header("X-Request-Id");
        await().atMost(Duration.ofSeconds(10)).until(() -> guard.inFlight() == 0);
        // Recorded as answered (503), once: the resource finishing later does not write a second event.
        assertEquals(1, stores.count("select count(*) from audit_event where request_id = $1", requestId));
        assertEquals(503, stores.count("select status from audit_event where request_id = $1", requestId));
    }

    /**
     * Answers that finish just as the deadline fires: whichever of the two is first, the client gets exactly the
     * status that was audited (the deadline's 503 used to be audited while the resource's 200 went out).
     */
    @Test
    void theClientGetsTheStatusThatWasAudited() throws Exception {
        String token = TestTokens.bearer("370000-FGW", "verify");
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(16);
        List<java.util.concurrent.Future<io.restassured.response.Response>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String path = switch (i % 3) {
                case 0 -> "/api/v1/codes/91350100M000100Y43";
                case 1 -> "/api/v1/subjects/91350100M000100Y43";
                default -> "/api/v1/measures";
            };
            answers.add(clients.submit(() -> given().header("Authorization", token).get(path)));
        }
        java.util.Map<Integer, Integer> byStatus = new java.util.TreeMap<>();
        for (var answer : answers) {
            io.restassured.response.Response response = answer.get();
            byStatus.merge(response.statusCode(), 1, Integer::sum);
            String requestId = response.header("X-Request-Id");
            assertEquals(1, stores.count("select count(*) from audit_event where request_id = $1", requestId));
            assertEquals(response.statusCode(), stores.count("select status from audit_event where request_id = $1",
                    requestId), "audited as answered: " + response.asString());
        }
        clients.shutdown();
        assertTrue(byStatus.containsKey(503), "the deadline answered some: " + byStatus);
        await().atMost(Duration.ofSeconds(10)).until(() -> guard.inFlight() == 0);
    }
}
