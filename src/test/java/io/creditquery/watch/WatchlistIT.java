package io.creditquery.watch;

import io.creditquery.support.Ndjson;
import io.creditquery.support.TestStores;
import io.creditquery.support.TestTokens;
import io.creditquery.support.WebhookReceiver;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.creditquery.support.IngestLines.enterprise;
import static io.creditquery.support.IngestLines.license;
import static io.creditquery.support.IngestLines.listing;
import static io.creditquery.support.IngestLines.penalty;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class WatchlistIT {

    static final String A = "91350100M000100Y43";
    static final String B = "91110108551385082Q";
    static final String WATCHER = TestTokens.bearer("370100-FGW", "watch");

    @Inject
    TestStores stores;

    WebhookReceiver hook;

    @BeforeEach
    void load() throws Exception {
        stores.reset();
        Ndjson.hub("subjects", enterprise(A, "福州预警测试有限公司"), enterprise(B, "北京预警测试有限公司")).statusCode(200);
        hook = new WebhookReceiver();
    }

    @AfterEach
    void stop() {
        hook.close();
    }

    @Test
    void watchersSeeNewBlackListsPenaltiesAndGradeDropsAndGetSignedWebhooks() {
        JsonPath created = given().header("Authorization", WATCHER).contentType(ContentType.JSON)
                .body("{\"name\":\"政府采购供应商库\",\"codes\":[\"" + A + "\",\"" + B + "\",\"91350100M000100Y44\","
                        + "\"91370112475773541X\"],\"webhookUrl\":\"" + hook.url() + "\"}")
                .post("/api/v1/watchlists").then().statusCode(201)
                .body("subjects", equalTo(2)).body("refused.index", equalTo(List.of(2, 3)))
                .extract().jsonPath();
        String id = created.getString("id");
        String secret = created.getString("webhookSecret");
        assertEquals(64, secret.length());
        given().header("Authorization", WATCHER).get("/api/v1/watchlists/" + id).then().statusCode(200)
                .body("webhookSecret", equalTo(null)).body("subjects", equalTo(2));
        given().header("Authorization", WATCHER).get("/api/v1/watchlists/" + id + "/events").then().statusCode(200)
                .body("items.size()", equalTo(0));

        Ndjson.hub("list-entries", listing(A, "SERIOUS_DISHONESTY", "鲁失信〔2026〕5号").withAuthority("370000-FGW")
                .withBasis("严重失信").withListedOn("2026-11-01")).statusCode(200).body("rejected", equalTo(0));
        Ndjson.hub("records", penalty(B, "京罚〔2026〕1号").withSourceDept("110000-SCJ").withDecisionDate("2026-11-02")
                .withTitle("罚款").withPublicityUntil("2099-01-01")).statusCode(200).body("rejected", equalTo(0));

        await().atMost(Duration.ofSeconds(30)).until(() -> events(id, 0).getList("items").size() == 4);
        JsonPath events = events(id, 0);
        assertEquals(List.of("BLACK_LIST", "GRADE_DROP", "GRADE_DROP", "PENALTY"),
                events.getList("items.kind").stream().sorted().toList());
        Map<String, Object> blackList = events.getMap("items.find { it.kind == 'BLACK_LIST' }");
        assertEquals(A, blackList.get("subjectCode"));
        assertEquals("鲁失信〔2026〕5号", ((Map<?, ?>) blackList.get("detail")).get("decisionNo"));
        assertEquals("严重失信主体名单", ((Map<?, ?>) blackList.get("detail")).get("label"));
        Map<String, Object> dropOfA = events.getMap("items.find { it.kind == 'GRADE_DROP' && it.subjectCode == '" + A + "' }");
        assertEquals(Map.of("from", "A", "to", "D", "label", "严重失信"), dropOfA.get("detail"));
        assertEquals("京罚〔2026〕1号", events.getString("items.find { it.kind == 'PENALTY' }.detail.sourceDocNo"));

        long next = events.getLong("next");
        assertEquals(0, events(id, next).getList("items").size(), "resuming after the last event gives nothing new");
        // A change that is none of the three kinds is no event.
        Ndjson.hub("records", license(A, "许〔2026〕1号").withTitle("许可")).statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> stores.count("select count(*) from watch_outbox") == 0);
        assertEquals(4, stores.count("select count(*) from watch_event"));

        // Every event delivered, after a failed first attempt, and signed with the secret.
        await().atMost(Duration.ofSeconds(60)).until(() -> hook.accepted().size() == 4);
        for (WebhookReceiver.Call call : hook.accepted()) {
            assertTrue(call.event().startsWith("watch:"), call.event());
            assertTrue(hook.attempts(call.event()) >= 2);
            assertTrue(WebhookReceiver.signedWith(call, secret), call.signature());
            assertEquals(id, JsonPath.from(call.body()).getString("watchlistId"));
        }
        // The sender records the delivery after the receiver's answer, so a moment after the last request arrives.
        await().atMost(Duration.ofSeconds(10))
                .until(() -> stores.count("select count(*) from webhook_delivery where delivered_at is null") == 0);
    }

    @Test
    void watchlistsBelongToTheirOwnerAndRefuseBadInput() {
        String id = given().header("Authorization", WATCHER).contentType(ContentType.JSON)
                .body("{\"name\":\"供应商\",\"codes\":[\"" + A + "\"]}").post("/api/v1/watchlists").then().statusCode(201)
                .extract().path("id");
        given().header("Authorization", TestTokens.bearer("370100-SCJ", "watch")).get("/api/v1/watchlists/" + id)
                .then().statusCode(404);
        given().header("Authorization", TestTokens.bearer("370100-FGW", "verify")).get("/api/v1/watchlists/" + id)
                .then().statusCode(403);
        given().header("Authorization", WATCHER).contentType(ContentType.JSON)
                .body("{\"name\":\"\",\"codes\":[],\"webhookUrl\":\"http://example.org/hook\"}")
                .post("/api/v1/watchlists").then().statusCode(400)
                .body("errors.field", equalTo(List.of("name", "codes", "webhookUrl")));
        given().header("Authorization", WATCHER).contentType(ContentType.JSON).body("{\"codes\":[\"" + B + "\"]}")
                .post("/api/v1/watchlists/" + id + "/subjects").then().statusCode(200).body("subjects", equalTo(2));
        given().header("Authorization", WATCHER).queryParam("after", "-1").get("/api/v1/watchlists/" + id + "/events")
                .then().statusCode(400).body("errors[0].field", equalTo("after"));
    }

    static JsonPath events(String id, long after) {
        return given().header("Authorization", WATCHER).queryParam("after", after)
                .get("/api/v1/watchlists/" + id + "/events").then().statusCode(200).extract().jsonPath();
    }
}
