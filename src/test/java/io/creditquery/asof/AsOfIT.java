package io.creditquery.asof;

import io.creditquery.support.IngestLines;
import io.creditquery.support.Ndjson;
import io.creditquery.support.TestStores;
import io.creditquery.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static io.creditquery.support.IngestLines.enterprise;
import static io.creditquery.support.IngestLines.listing;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Profiles and checks of past dates, across listing, planned exit, repair and deletion, as known at a time. */
@QuarkusTest
class AsOfIT {

    static final String LISTED = "91350100M000100Y43";
    static final String PENALISED = "91110108551385082Q";
    static final String OWNER = "370100-SCJ";
    static final String CHECKER = TestTokens.bearer("370100-FGW", "verify");
    static final LocalDate TODAY = LocalDate.now();

    @Inject
    TestStores stores;

    @BeforeEach
    void load() {
        stores.reset();
        Ndjson.hub("subjects", enterprise(LISTED, "福州往日测试有限公司"), enterprise(PENALISED, "北京往日测试有限公司"))
                .statusCode(200);
        Ndjson.hub("list-entries",
                entry("SERIOUS_DISHONESTY", "严〔2025〕1号", "2025-01-10", "2026-01-10"),
                entry("ABNORMAL_OPERATION", "异〔2025〕2号", "2025-06-01", null)).statusCode(200)
                .body("rejected", equalTo(0));
        Ndjson.hub("records",
                penalty("罚〔2025〕1号", "2025-03-01", "2025-09-01"),
                penalty("罚〔2025〕2号", TODAY.minusMonths(5).toString(), "2099-01-01")).statusCode(200)
                .body("rejected", equalTo(0));
    }

    static IngestLines.ListEntry entry(String type, String no, String listed, String plannedExit) {
        return listing(LISTED, type, no).withAuthority(OWNER).withBasis("依法认定").withListedOn(listed)
                .withPlannedExitOn(plannedExit);
    }

    static IngestLines.Record penalty(String no, String decided, String until) {
        return IngestLines.penalty(PENALISED, no).withSourceDept(OWNER).withDecisionDate(decided)
                .withContent("penaltyType", "罚款").withPublicityUntil(until);
    }

    /** The profile as a department sees it: the past reconstructed, repaired and exited entries included. */
    static JsonPath profile(String code, String asOf, String knownAt) {
        return profile(CHECKER, code, asOf, knownAt);
    }

    static JsonPath profile(String authorization, String code, String asOf, String knownAt) {
        var request = given().queryParam("asOf", asOf);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (knownAt != null) {
            request.queryParam("knownAt", knownAt);
        }
        return request.get("/api/v1/subjects/" + code).then().statusCode(200).extract().jsonPath();
    }

    static JsonPath check(String code, String asOf, String knownAt) {
        return check(CHECKER, code, asOf, knownAt);
    }

    static JsonPath check(String authorization, String code, String asOf, String knownAt) {
        return given().header("Authorization", authorization).contentType(ContentType.JSON)
                .body("{\"scenario\":\"GOVERNMENT_PROCUREMENT\",\"codes\":[\"" + code + "\"],\"asOf\":\"" + asOf + "\""
                        + (knownAt == null ? "" : ",\"knownAt\":\"" + knownAt + "\"") + "}")
                .post("/api/v1/verifications").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void listsAndVerdictsFollowListingAndPlannedExitDates() {
        // date → lists in force, verdict, grade
        Object[][] matrix = {
                {"2025-01-09", List.of(), "CLEAR", "A"},
                {"2025-01-10", List.of("SERIOUS_DISHONESTY"), "BLOCK", "D"},
                {"2025-06-01", List.of("ABNORMAL_OPERATION", "SERIOUS_DISHONESTY"), "BLOCK", "D"},
                {"2026-01-09", List.of("ABNORMAL_OPERATION", "SERIOUS_DISHONESTY"), "BLOCK", "D"},
                {"2026-01-10", List.of("ABNORMAL_OPERATION"), "CAUTION", "C"},
        };
        for (Object[] row : matrix) {
            String date = (String) row[0];
            JsonPath profile = profile(LISTED, date, null);
            assertEquals(row[1], profile.getList("lists.listType").stream().sorted().toList(), date);
            assertEquals(row[3], profile.getString("evaluation.grade"), date);
            assertEquals(date, profile.getString("asOf.validOn"));
            JsonPath checked = check(LISTED, date, null);
            assertEquals(row[2], checked.getString("items[0].verdict"), date);
            assertEquals(row[3], checked.getString("items[0].grade"), date);
            assertEquals(date, checked.getString("validOn"));
        }
    }

    @Test
    void aRepairEndsTheListingFromItsDayAndADeletionErasesItAsKnownSinceTheDeletion() {
        String beforeRepair = stores.text("select to_char(clock_timestamp() at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')");
        // A repair approved today: listed until yesterday, not today.
        stores.execute("update list_entry set status = 'REPAIRED', exited_on = current_date, exit_reason = '信用修复'"
                + " where decision_no = '异〔2025〕2号'");
        String yesterday = TODAY.minusDays(1).toString();
        assertEquals(List.of("ABNORMAL_OPERATION"), profile(LISTED, yesterday, null).getList("lists.listType"));
        assertEquals(List.of(), profile(LISTED, TODAY.toString(), null).getList("lists.listType"));

        // A listing deleted after an objection was never in force, as known now; as known before, it was.
        stores.execute("update list_entry set status = 'REVOKED' where decision_no = '严〔2025〕1号'");
        assertEquals(List.of(), profile(LISTED, "2025-03-01", null).getList("lists.listType"));
        assertEquals("CLEAR", check(LISTED, "2025-03-01", null).getString("items[0].verdict"));
        assertEquals(List.of("SERIOUS_DISHONESTY"), profile(LISTED, "2025-03-01", beforeRepair).getList("lists.listType"));
        assertEquals("BLOCK", check(LISTED, "2025-03-01", beforeRepair).getString("items[0].verdict"));
    }

    @Test
    void penaltiesCountInsideTheirWindowAndUntilTheirRepair() {
        assertEquals(1, profile(PENALISED, "2025-05-01", null).getInt("recordCounts.ADMIN_PENALTY"));
        assertEquals("B", profile(PENALISED, "2025-05-01", null).getString("evaluation.grade"));
        assertNull(profile(PENALISED, "2025-10-01", null).get("recordCounts.ADMIN_PENALTY"), "window ended");
        assertEquals("A", profile(PENALISED, "2025-10-01", null).getString("evaluation.grade"));
        String yesterday = TODAY.minusDays(1).toString();
        assertEquals(1, profile(PENALISED, yesterday, null).getInt("recordCounts.ADMIN_PENALTY"));
        stores.execute("update credit_record set status = 'REPAIRED' where source_doc_no = '罚〔2025〕2号'");
        assertEquals(1, profile(PENALISED, yesterday, null).getInt("recordCounts.ADMIN_PENALTY"), "in view before the repair");
        assertNull(profile(PENALISED, TODAY.toString(), null).get("recordCounts.ADMIN_PENALTY"), "not from its day");
    }

    /**
     * Repair and the end of a listing or publicity window stop publication: the public (anonymous, partner keys)
     * sees a past date only as far as it is still public now, where the department sees it reconstructed.
     */
    @Test
    void thePublicSeesThePastOnlyAsFarAsItIsStillPublic() {
        String partner = "ApiKey " + TestTokens.apiKey("往日征信", "verify");
        // SERIOUS_DISHONESTY ended by its planned exit (2026-01-10): public no more, not even for a date inside it.
        assertEquals(List.of("ABNORMAL_OPERATION", "SERIOUS_DISHONESTY"),
                profile(LISTED, "2025-06-01", null).getList("lists.listType").stream().sorted().toList());
        for (String caller : new String[]{null, partner}) {
            assertEquals(List.of("ABNORMAL_OPERATION"), profile(caller, LISTED, "2025-06-01", null).getList("lists.listType"));
            assertEquals("C", profile(caller, LISTED, "2025-06-01", null).getString("evaluation.grade"));
            assertEquals(List.of(), profile(caller, LISTED, "2025-03-01", null).getList("lists.listType"));
            // The first penalty's publicity window ended on 2025-09-01.
            assertNull(profile(caller, PENALISED, "2025-05-01", null).get("recordCounts.ADMIN_PENALTY"));
        }
        assertEquals(1, profile(PENALISED, "2025-05-01", null).getInt("recordCounts.ADMIN_PENALTY"));
        assertEquals("CAUTION", check(partner, LISTED, "2025-06-01", null).getString("items[0].verdict"));
        assertEquals("BLOCK", check(LISTED, "2025-06-01", null).getString("items[0].verdict"));

        // A repair today: the department sees the penalty until yesterday, the public not even then.
        String yesterday = TODAY.minusDays(1).toString();
        assertEquals(1, profile(null, PENALISED, yesterday, null).getInt("recordCounts.ADMIN_PENALTY"));
        stores.execute("update credit_record set status = 'REPAIRED' where source_doc_no = '罚〔2025〕2号'");
        assertEquals(1, profile(PENALISED, yesterday, null).getInt("recordCounts.ADMIN_PENALTY"));
        assertNull(profile(null, PENALISED, yesterday, null).get("recordCounts.ADMIN_PENALTY"), "repaired: 停止公示");
        assertEquals("A", profile(partner, PENALISED, yesterday, null).getString("evaluation.grade"));
    }

    @Test
    void theFutureAndUnknownPastsAreRefused() {
        given().queryParam("asOf", TODAY.plusDays(1).toString()).get("/api/v1/subjects/" + LISTED).then().statusCode(400)
                .body("errors[0].field", equalTo("asOf"));
        given().queryParam("knownAt", "2026-01-01T00:00:00Z").get("/api/v1/subjects/" + LISTED).then().statusCode(400)
                .body("errors[0].field", equalTo("knownAt"));
        given().queryParam("asOf", "2020-01-01").queryParam("knownAt", "2020-01-01T00:00:00Z")
                .get("/api/v1/subjects/" + LISTED).then().statusCode(404);
    }
}
