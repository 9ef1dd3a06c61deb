package io.creditquery.faults;

import io.creditquery.frontdoor.FrontDoor;
import io.creditquery.support.CheckBodies;
import io.creditquery.support.TestStores;
import io.creditquery.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Past the in-flight limit, requests are refused at once with 503 + Retry-After; the rest are served; no slot leaks. */
@QuarkusTest
@TestProfile(OverloadIT.TwoInFlight.class)
class OverloadIT {

    public static class TwoInFlight implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("credit.overload.max-in-flight", "2");
        }
    }

    @Inject
    FrontDoor guard;
    @Inject
    TestStores stores;

    @Test
    void refusesBeyondCapacityAndRecovers() throws Exception {
        String batch = CheckBodies.batchOf(1000, "91350100M000100Y43");
        String token = TestTokens.bearer("370000-FGW", "verify");
        ExecutorService clients = Executors.newFixedThreadPool(16);
        List<Future<Response>> answers = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            answers.add(clients.submit(() -> given().header("Authorization", token).contentType("application/json")
                    .body(batch).post("/api/v1/verifications")));
        }
        int served = 0;
        int refused = 0;
        for (Future<Response> answer : answers) {
            Response response = answer.get();
            assertEquals(response.statusCode(), stores.count("select status from audit_event where request_id = $1",
                    response.header("X-Request-Id")), "the answer's one audit event carries its real status");
            if (response.statusCode() == 200) {
                served++;
            } else {
                assertEquals(503, response.statusCode(), response.asString());
                assertEquals("application/problem+json", response.contentType());
                assertEquals("1", response.header("Retry-After"));
                assertTrue(response.jsonPath().getString("detail").contains("capacity"));
                refused++;
            }
        }
        clients.shutdown();
        assertTrue(served > 0, "some requests were served");
        assertTrue(refused > 0, "16 concurrent clients against 2 slots: some were refused");
        await().atMost(Duration.ofSeconds(5)).until(() -> guard.inFlight() == 0);
        given().get("/api/v1/codes/91350100M000100Y43").then().statusCode(200);
    }
}
