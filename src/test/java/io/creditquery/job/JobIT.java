package io.creditquery.job;

import io.creditquery.support.Ndjson;
import io.creditquery.support.TestStores;
import io.creditquery.support.TestTokens;
import io.creditquery.support.WebhookReceiver;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.creditquery.support.IngestLines.enterprise;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class JobIT {

    static final String KNOWN = "91350100M000100Y43";
    static final String UNKNOWN = "91110108551385082Q";
    static final String CLERK = TestTokens.bearer("370100-FGW", "verify");

    @Inject
    TestStores stores;

    @BeforeEach
    void load() {
        stores.reset();
        Ndjson.hub("subjects", enterprise(KNOWN, "福州批量核查有限公司"))
                .statusCode(200);
    }

    static JsonPath awaitDone(String id) {
        await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(given().header("Authorization", CLERK)
                .get("/api/v1/verification-jobs/" + id).then().statusCode(200).extract().path("status")));
        return given().header("Authorization", CLERK).get("/api/v1/verification-jobs/" + id).then().extract().jsonPath();
    }

    @Test
    void aJobAnswersEveryCodeInOrderAndIsResumable() {
        Response created = given().header("Authorization", CLERK).header("Idempotency-Key", "supplier-register-2026-11")
                .contentType("application/json").body("{\"scenario\":\"TENDERING\",\"purpose\":\"供应商库年审\",\"codes\":[\""
                        + KNOWN + "\",\"" + UNKNOWN + "\",\"91350100M000100Y44\",\"" + KNOWN + "\",\" " + UNKNOWN + " \"]}")
                .post("/api/v1/verification-jobs");
        created.then().statusCode(201).body("total", equalTo(5));
        String id = created.path("id");
        JsonPath done = awaitDone(id);
        assertEquals(5, done.getInt("done"));
        assertEquals(100.0, done.getDouble("percent"));
        assertEquals(2, done.getInt("counts.CLEAR"));
        assertEquals(1, done.getInt("counts.INVALID"));
        // Same key, same job: 200 and no second job.
        given().header("Authorization", CLERK).header("Idempotency-Key", "supplier-register-2026-11")
                .contentType("application/json").body("{\"scenario\":\"TENDERING\",\"codes\":[\"" + KNOWN + "\"]}")
                .post("/api/v1/verification-jobs").then().statusCode(200).body("id", equalTo(id));
        assertEquals(1, stores.count("select count(*) from verification_job"));

        Response first = given().header("Authorization", CLERK).queryParam("size", 2)
                .get("/api/v1/verification-jobs/" + id + "/results");
        first.then().statusCode(200).contentType("application/x-ndjson").header("X-Next-After", "1");
        List<String> lines = first.asString().lines().toList();
        assertEquals(2, lines.size());
        assertEquals("FOUND", JsonPath.from(lines.get(0)).getString("status"));
        assertEquals("UNKNOWN", JsonPath.from(lines.get(1)).getString("status"));
        List<String> rest = given().header("Authorization", CLERK).queryParam("after", first.header("X-Next-After"))
                .get("/api/v1/verification-jobs/" + id + "/results").then().statusCode(200).header("X-Next-After", "4")
                .extract().asString().lines().toList();
        assertEquals(List.of(2, 3, 4), rest.stream().map(l -> JsonPath.from(l).getInt("index")).toList());
        assertEquals(0, JsonPath.from(rest.get(1)).getInt("duplicateOf"), "the second KNOWN points at the first");
        assertEquals(1, JsonPath.from(rest.get(2)).getInt("duplicateOf"), "so does the padded UNKNOWN, across chunks too");
    }

    @Test
    void aFinishedJobCallsItsWebhookSigned() throws Exception {
        try (WebhookReceiver hook = new WebhookReceiver()) {
            JsonPath created = given().header("Authorization", CLERK).contentType("application/json")
                    .body("{\"scenario\":\"TENDERING\",\"codes\":[\"" + KNOWN + "\"],\"webhookUrl\":\"" + hook.url() + "\"}")
                    .post("/api/v1/verification-jobs").then().statusCode(201).extract().jsonPath();
            String id = created.getString("id");
            String secret = created.getString("webhookSecret");
            awaitDone(id);
            given().header("Authorization", CLERK).get("/api/v1/verification-jobs/" + id).then()
                    .body("webhookSecret", equalTo(null)).body("webhookUrl", equalTo(hook.url()));
            await().atMost(Duration.ofSeconds(60)).until(() -> hook.accepted().size() == 1);
            WebhookReceiver.Call call = hook.accepted().get(0);
            assertEquals("job:" + id, call.event());
            assertEquals(2, hook.attempts(call.event()), "the first call failed and was retried");
            assertEquals(true, WebhookReceiver.signedWith(call, secret));
            assertEquals("DONE", JsonPath.from(call.body()).getString("status"));
            assertEquals(1, JsonPath.from(call.body()).getInt("done"));
        }
        given().header("Authorization", CLERK).contentType("application/json")
                .body("{\"scenario\":\"TENDERING\",\"codes\":[\"" + KNOWN + "\"],\"webhookUrl\":\"ftp://example.org\"}")
                .post("/api/v1/verification-jobs").then().statusCode(400).body("errors[0].field", equalTo("webhookUrl"));
    }

    @Test
    void aCsvUploadSkipsItsHeaderAndJobsBelongToTheirOwner() {
        String id = given().header("Authorization", CLERK).contentType("text/csv; charset=UTF-8")
                .queryParam("scenario", "GOVERNMENT_PROCUREMENT")
                .body("\uFEFF统一社会信用代码,名称\n" + KNOWN + ",福州批量核查有限公司\n" + UNKNOWN + ",未知\n")
                .post("/api/v1/verification-jobs").then().statusCode(201).body("total", equalTo(2)).extract().path("id");
        awaitDone(id);
        given().header("Authorization", TestTokens.bearer("370100-SCJ", "verify")).get("/api/v1/verification-jobs/" + id)
                .then().statusCode(404);
        given().header("Authorization", CLERK).contentType("text/csv").queryParam("scenario", "NOPE").body(KNOWN)
                .post("/api/v1/verification-jobs").then().statusCode(400).body("errors[0].field", equalTo("scenario"));
        given().header("Authorization", CLERK).contentType("application/json").body("{\"scenario\":\"TENDERING\",\"codes\":[]}")
                .post("/api/v1/verification-jobs").then().statusCode(400).body("errors[0].field", equalTo("codes"));
        given().header("Authorization", TestTokens.bearer("370100-FGW", "ingest")).contentType("text/csv")
                .queryParam("scenario", "TENDERING").body(KNOWN).post("/api/v1/verification-jobs").then().statusCode(403);
    }
}
