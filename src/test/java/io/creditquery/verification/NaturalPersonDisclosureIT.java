package io.creditquery.verification;

import io.creditquery.support.Ndjson;
import io.creditquery.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static io.creditquery.support.IngestLines.listing;
import static io.creditquery.support.IngestLines.person;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A natural person whom no law-mandated public list names is, to a partner key, exactly what a code nobody has is:
 * in profiles, checks, bulk jobs and watchlists — no name, no grade, no existence (before, a check answered FOUND
 * with the name while the profile said 404). A person on 失信被执行人 is public; departments see every person, as
 * on the profile (AccessPolicy, one rule).
 */
@QuarkusTest
class NaturalPersonDisclosureIT {

    /** On no public list. */
    private static final String HIDDEN = "37010219850715231X";
    /** On 失信被执行人, which names persons publicly. */
    private static final String LISTED = "370203197203084028";
    /** A valid citizen ID no subject has. */
    private static final String NOBODY = "370304199001011235";

    private String partnerKey;

    @BeforeEach
    void people() {
        Ndjson.hub("subjects", person(HIDDEN, "王隐名"), person(LISTED, "李公示")).statusCode(200);
        Ndjson.hub("list-entries", listing(LISTED, "JUDGMENT_DEFAULTER", "（2025）鲁02执123号").withAuthority("370200-ZY")
                .withBasis("拒不履行生效判决").withListedOn("2025-03-01")).statusCode(200);
        partnerKey = TestTokens.apiKey("自然人测试机构", "verify", "watch");
    }

    /** Callers the profile of a hidden person answers 404. */
    private Map<String, Function<RequestSpecification, RequestSpecification>> callers() {
        Map<String, Function<RequestSpecification, RequestSpecification>> callers = new java.util.LinkedHashMap<>();
        callers.put("partner key", r -> r.header("X-API-Key", partnerKey));
        return callers;
    }

    private static final Function<RequestSpecification, RequestSpecification> ENTITLED =
            r -> r.header("Authorization", TestTokens.bearer("370100-RSJ", "verify watch"));

    private static JsonPath check(Function<RequestSpecification, RequestSpecification> caller, List<String> codes) {
        return caller.apply(given()).contentType("application/json")
                .body(Map.of("scenario", "GOVERNMENT_PROCUREMENT", "codes", codes, "purpose", "自然人核查测试"))
                .post("/api/v1/verifications").then().statusCode(200).extract().jsonPath();
    }

    /** An item as the caller sees it, without what differs between any two codes (position, the input shown). */
    private static Map<String, Object> shape(Map<String, Object> item) {
        Map<String, Object> shape = new HashMap<>(item);
        shape.remove("index");
        shape.remove("input");
        return shape;
    }

    @Test
    void aHiddenPersonIsAnUnknownCodeToCallersWithoutTheLegalBasis() {
        for (var caller : callers().entrySet()) {
            JsonPath answer = check(caller.getValue(), List.of(HIDDEN, NOBODY, LISTED));
            List<Map<String, Object>> items = answer.getList("items");
            assertEquals("UNKNOWN", items.get(0).get("status"), caller.getKey());
            assertEquals(shape(items.get(1)), shape(items.get(0)), caller.getKey() + ": the hidden person answers as nobody");
            assertFalse(answer.prettify().contains("王隐名"), caller.getKey() + ": no name");
            assertEquals("FOUND", items.get(2).get("status"), caller.getKey() + ": a publicly listed person is public");
            assertEquals("李公示", items.get(2).get("name"));
            assertEquals(2, answer.getInt("summary.unknown"));
            assertEquals(2, answer.getList("noHitCertificates").size(), caller.getKey() + ": a no-hit certificate each");
            caller.getValue().apply(given()).get("/api/v1/subjects/" + HIDDEN).then().statusCode(404);
        }
        ENTITLED.apply(given()).get("/api/v1/subjects/" + HIDDEN).then().statusCode(200);
        JsonPath entitled = check(ENTITLED, List.of(HIDDEN, NOBODY));
        assertEquals("FOUND", entitled.getString("items[0].status"));
        assertEquals("王隐名", entitled.getString("items[0].name"));
    }

    @Test
    void bulkJobsFollowTheSameRuleFixedAtSubmission() {
        for (var caller : List.of(callers().get("partner key"), ENTITLED)) {
            String id = caller.apply(given()).contentType("application/json")
                    .body(Map.of("scenario", "GOVERNMENT_PROCUREMENT", "codes", List.of(HIDDEN, NOBODY, LISTED)))
                    .post("/api/v1/verification-jobs").then().statusCode(201).extract().jsonPath().getString("id");
            await().atMost(Duration.ofSeconds(30)).until(() -> "DONE".equals(caller.apply(given())
                    .get("/api/v1/verification-jobs/" + id).then().statusCode(200).extract().jsonPath().getString("status")));
            String results = caller.apply(given()).get("/api/v1/verification-jobs/" + id + "/results").then().statusCode(200)
                    .extract().asString();
            List<String> lines = results.lines().toList();
            boolean entitled = caller == ENTITLED;
            assertEquals(entitled, results.contains("王隐名"), results);
            assertTrue(lines.get(2).contains("李公示"), results);
            if (!entitled) {
                assertEquals(shape(JsonPath.from(lines.get(1)).getMap("")), shape(JsonPath.from(lines.get(0)).getMap("")));
            }
        }
    }

    @Test
    void watchlistsRefuseAHiddenPersonAsTheyRefuseNobodyAndEchoIdsMasked() {
        for (var caller : callers().entrySet()) {
            JsonPath list = caller.getValue().apply(given()).contentType("application/json")
                    .body(Map.of("name", "自然人名单", "codes", List.of(HIDDEN, NOBODY, LISTED, HIDDEN, NOBODY)))
                    .post("/api/v1/watchlists").then().statusCode(201).extract().jsonPath();
            assertEquals(1, list.getInt("subjects"), caller.getKey() + ": only the publicly listed person is watched");
            List<Map<String, Object>> refused = list.getList("refused");
            assertEquals(List.of(0, 1, 3, 4), refused.stream().map(r -> r.get("index")).toList(),
                    caller.getKey() + ": refused at every position, repeats included, as an unknown code is");
            assertEquals(refused.get(1).get("reason"), refused.get(0).get("reason"), caller.getKey());
            assertEquals("3701**********231X", refused.get(0).get("code"));
            assertFalse(list.prettify().contains(HIDDEN) || list.prettify().contains(NOBODY), "citizen IDs are echoed masked");
        }
        ENTITLED.apply(given()).contentType("application/json")
                .body(Map.of("name", "有依据的名单", "codes", List.of(HIDDEN, LISTED)))
                .post("/api/v1/watchlists").then().statusCode(201).body("subjects", equalTo(2));
    }
}
