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
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
