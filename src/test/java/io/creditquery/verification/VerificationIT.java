package io.creditquery.verification;

import io.creditquery.common.Problem;
import io.creditquery.demo.DemoDataGenerator;
import io.creditquery.list.ListKind;
import io.creditquery.list.ListType;
import io.creditquery.support.IngestLines;
import io.creditquery.support.Ndjson;
import io.creditquery.support.TestStores;
import io.creditquery.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static io.creditquery.support.IngestLines.enterprise;
import static io.creditquery.support.IngestLines.listing;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

@QuarkusTest
class VerificationIT {

    private static final String CHECKER = "370100-CZJ";

    @Inject
    TestStores stores;
    @Inject
    MeasureCatalogue catalogue;

    private final Map<ListType, String> listed = new EnumMap<>(ListType.class);
    private String clean;

    @BeforeEach
    void load() {
        stores.reset();
        List<String> subjects = new ArrayList<>();
        List<String> entries = new ArrayList<>();
        long index = 80_000_000L;
        for (ListType type : ListType.values()) {
            String code = DemoDataGenerator.uscc(index++, "ENTERPRISE", "370100");
            listed.put(type, code);
            subjects.add(enterprise(code, "济南" + type.label().substring(0, 2) + "测试有限公司").line());
            entries.add(entry(code, type, "认定〔2025〕" + type.ordinal() + "号").line());
        }
        clean = DemoDataGenerator.uscc(index, "ENTERPRISE", "370100");
        subjects.add(enterprise(clean, "济南守法测试有限公司").line());
        Ndjson.hub("subjects", subjects).statusCode(200);
        Ndjson.hub("list-entries", entries).statusCode(200).body("rejected", equalTo(0));
    }

    private static IngestLines.ListEntry entry(String code, ListType type, String decisionNo) {
        return listing(code, type.name(), decisionNo).withAuthority("370000-FGW").withBasis("认定依据")
                .withListedOn("2025-01-02");
    }

    private static JsonPath check(String scenario, List<String> codes) {
        return given().header("Authorization", TestTokens.bearer(CHECKER, "verify")).contentType("application/json")
                .body(Map.of("scenario", scenario, "codes", codes, "purpose", "测试采购项目 2026-001"))
                .post("/api/v1/verifications").then().statusCode(200).extract().jsonPath();
    }

    /** Every list type in every scenario gives the verdict its catalogue measure implies. */
    @Test
    void scenarioByListTypeMatrixFollowsTheCatalogue() {
        List<String> codes = new ArrayList<>(listed.values());
        for (Scenario scenario : Scenario.values()) {
            JsonPath result = check(scenario.name(), codes);
            int i = 0;
            for (ListType type : listed.keySet()) {
                Verdict expected = catalogue.measure(type, scenario).map(m -> m.measure().verdict()).orElse(Verdict.CLEAR);
                assertEquals(expected.name(), result.getString("items[" + i + "].verdict"), type + " in " + scenario);
                if (expected != Verdict.CLEAR) {
                    assertEquals(type.name(), result.getString("items[" + i + "].measures[0].listType"));
                    assertEquals(type.kind() == ListKind.BLACK, expected == Verdict.BLOCK || expected == Verdict.CAUTION);
                }
                i++;
            }
        }
        assertEquals("CLEAR", check("TENDERING", List.of(clean)).getString("items[0].verdict"));
    }

    @Test
    void listingPlannedExitAndRepairChangeTheVeryNextCheck() {
        String code = listed.get(ListType.JUDGMENT_DEFAULTER);
        assertEquals("BLOCK", check("GOVERNMENT_PROCUREMENT", List.of(code)).getString("items[0].verdict"));
        // Planned exit date passed: no longer in force.
        Ndjson.hub("list-entries", entry(code, ListType.JUDGMENT_DEFAULTER, "认定〔2025〕1号")
                .withPlannedExitOn(LocalDate.now().toString())).statusCode(200).body("changedSubjects", equalTo(1));
        assertEquals("CLEAR", check("GOVERNMENT_PROCUREMENT", List.of(code)).getString("items[0].verdict"));

        String other = listed.get(ListType.SERIOUS_DISHONESTY);
        JsonPath before = check("GOVERNMENT_PROCUREMENT", List.of(other));
        assertEquals("BLOCK", before.getString("items[0].verdict"));
        Ndjson.hub("list-entries", entry(other, ListType.SERIOUS_DISHONESTY, "认定〔2025〕0号")
                .withExit(LocalDate.now().toString(), "信用修复")).statusCode(200).body("changedSubjects", equalTo(1));
        assertEquals("CLEAR", check("GOVERNMENT_PROCUREMENT", List.of(other)).getString("items[0].verdict"));

        // The stored answer from before the repair is unchanged (可核、可溯).
        given().header("Authorization", TestTokens.bearer(CHECKER, "verify"))
                .get("/api/v1/verifications/" + before.getString("id")).then().statusCode(200)
                .body("items[0].verdict", equalTo("BLOCK"))
                .body("asOf", equalTo(before.getString("asOf")))
                .body("items[0].lists[0].listType", equalTo("SERIOUS_DISHONESTY"));
        // Another department may not read it; an auditor may.
        given().header("Authorization", TestTokens.bearer("370200-CZJ", "verify"))
                .get("/api/v1/verifications/" + before.getString("id")).then().statusCode(404);
        given().header("Authorization", TestTokens.bearer("370000-FGW", "admin"))
                .get("/api/v1/verifications/" + before.getString("id")).then().statusCode(200);
    }

    @Test
    void batchAnswersEveryItem() {
        String black = listed.get(ListType.MAJOR_TAX_VIOLATION);
        String unknown = DemoDataGenerator.uscc(99_999_998L, "ENTERPRISE", "370100");
        JsonPath result = check("SUBSIDIES", List.of(black, "91350100M000100Y44", unknown, clean,
                black.toLowerCase(), "not a code"));
        assertEquals(6, result.getInt("summary.checked"));
        assertEquals(List.of("FOUND", "INVALID", "UNKNOWN", "FOUND", "FOUND", "INVALID"), result.getList("items.status"));
        assertEquals("BLOCK", result.getString("items[0].verdict"));
        assertEquals("check character (position 18) should be 3, not 4", result.getString("items[1].reason"));
        assertEquals("第 18 位校验码应为 3，而不是 4", result.getString("items[1].reasonZh"));
        assertEquals("没有以此代码登记的信用主体", result.getString("items[2].reasonZh"));
        assertNull(result.get("items[0].reasonZh"), "a found subject has no reason");
        assertNotNull(result.getString("items[5].reasonZh"), "every reason a check writes has a Chinese form");
        assertEquals(0, result.getInt("items[4].duplicateOf"));
        assertEquals("BLOCK", result.getString("items[4].verdict"));
        assertEquals(2, result.getInt("summary.block"));
        assertEquals(1, result.getInt("summary.unknown"));
        assertEquals(2, result.getInt("summary.invalid"));
    }

    @Test
    void largeBatchWithinTheLimitAndRefusalAboveIt() {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < VerificationService.MAX_BATCH; i++) {
            codes.add(i % 2 == 0 ? clean : listed.get(ListType.TAX_CREDIT_A));
        }
        JsonPath result = check("FINANCING", codes);
        assertEquals(1000, result.getInt("summary.checked"));
        assertEquals(500, result.getInt("summary.reward"));
        codes.add(clean);
        given().header("Authorization", TestTokens.bearer(CHECKER, "verify")).contentType("application/json")
                .body(Map.of("scenario", "FINANCING", "codes", codes)).post("/api/v1/verifications")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors[0].field", equalTo("codes")).body("errors[0].reason", containsString("at most 1000"));
    }

    @Test
    void badRequestsAndCallersAreRefused() {
        var verifier = given().header("Authorization", TestTokens.bearer(CHECKER, "verify")).contentType("application/json");
        verifier.body("{\"scenario\":\"TENDERING\",\"codes\":[\"x\"],\"colour\":1}").post("/api/v1/verifications")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("errors[0].field", equalTo("colour"));
        given().header("Authorization", TestTokens.bearer(CHECKER, "verify")).contentType("application/json")
                .body("{\"scenario\":").post("/api/v1/verifications").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE);
        given().header("Authorization", TestTokens.bearer(CHECKER, "verify")).contentType("application/json")
                .body("{\"scenario\":\"PICNIC\",\"codes\":[]}").post("/api/v1/verifications").then().statusCode(400)
                .body("errors.field", contains("scenario", "codes"));
        given().contentType("application/json").body("{\"scenario\":\"TENDERING\",\"codes\":[\"x\"]}")
                .post("/api/v1/verifications").then().statusCode(401).contentType(Problem.MEDIA_TYPE);
        given().header("Authorization", TestTokens.bearer(CHECKER, "search")).contentType("application/json")
                .body("{\"scenario\":\"TENDERING\",\"codes\":[\"x\"]}").post("/api/v1/verifications")
                .then().statusCode(403).contentType(Problem.MEDIA_TYPE);
        given().header("Authorization", TestTokens.bearer(CHECKER, "verify")).get("/api/v1/verifications/not-a-uuid")
                .then().statusCode(400).body("errors[0].field", equalTo("id"));
    }

    @Test
    void measuresCatalogueIsPublicAndCoversEveryListTypeAndScenario() {
        JsonPath all = given().get("/api/v1/measures").then().statusCode(200).extract().jsonPath();
        for (ListType type : ListType.values()) {
            assertEquals(true, all.getList("measures.findAll { it.listType == '" + type + "' }").size() >= 6,
                    type + " has measures in most scenarios");
        }
        for (Scenario scenario : Scenario.values()) {
            assertEquals(true, !all.getList("measures.findAll { it.scenario == '" + scenario + "' }").isEmpty(), scenario.name());
        }
        given().get("/api/v1/measures?listType=JUDGMENT_DEFAULTER&scenario=PUBLIC_SERVANT_HIRING").then().statusCode(200)
                .body("measures", hasSize(1)).body("measures[0].measure", equalTo("PROHIBIT"))
                .body("measures[0].memorandum", containsString("发改财金〔2016〕141号"));
        given().get("/api/v1/measures?listType=NOPE").then().statusCode(400).body("errors[0].field", equalTo("listType"));
    }
}
