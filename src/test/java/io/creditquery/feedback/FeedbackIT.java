package io.creditquery.feedback;

import io.creditquery.common.Problem;
import io.creditquery.demo.DemoDataGenerator;
import io.creditquery.support.Ndjson;
import io.creditquery.support.TestStores;
import io.creditquery.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.creditquery.support.IngestLines.enterprise;
import static io.creditquery.support.IngestLines.listing;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * 联合奖惩反馈: a department reports what it did with a check's measures, once; checks past their period without a
 * report are listed as overdue; the statistics count checks, verdicts, feedback and lookups, each from where it is
 * recorded once, and agree with counts taken straight from the tables.
 */
@QuarkusTest
class FeedbackIT {

    /** A department no other test checks with, so that its statistics are this test's own. */
    private static final String CHECKER = "370000-TJJ";
    private static final String OTHER = "370200-CZJ";

    @Inject
    TestStores stores;

    private String listed;
    private String clean;

    @BeforeEach
    void load() {
        stores.reset();
        stores.asOwner("delete from verification_feedback where verification_id in (select id from verification"
                + " where department = '" + CHECKER + "')", "delete from verification where department = '" + CHECKER + "'");
        listed = DemoDataGenerator.uscc(81_000_000L, "ENTERPRISE", "370100");
        clean = DemoDataGenerator.uscc(81_000_001L, "ENTERPRISE", "370100");
        Ndjson.hub("subjects", enterprise(listed, "济南反馈失信测试有限公司"), enterprise(clean, "济南反馈守信测试有限公司"))
                .statusCode(200);
        Ndjson.hub("list-entries", listing(listed, "SERIOUS_DISHONESTY", "鲁反馈〔2026〕1号")
                .withAuthority("370000-FGW").withListedOn("2025-01-02")).statusCode(200);
    }

    private String check(String department, String... codes) {
        return given().header("Authorization", TestTokens.bearer(department, "verify")).contentType("application/json")
                .body(Map.of("scenario", "GOVERNMENT_PROCUREMENT", "codes", List.of(codes)))
                .post("/api/v1/verifications").then().statusCode(200).extract().path("id");
    }

    private io.restassured.specification.RequestSpecification as(String department) {
        return given().header("Authorization", TestTokens.bearer(department, "verify")).contentType("application/json");
    }

    @Test
    void aCheckIsReportedOnceByItsOwnDepartment() {
        String id = check(CHECKER, listed);
        as(OTHER).body(Map.of("outcome", "MEASURE_APPLIED")).post("/api/v1/verifications/" + id + "/feedback")
                .then().statusCode(404);
        as(CHECKER).body(Map.of("outcome", "MEASURE_NOT_APPLIED")).post("/api/v1/verifications/" + id + "/feedback")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("errors[0].field", equalTo("reason"));
        as(CHECKER).body(Map.of("outcome", "FORGOT")).post("/api/v1/verifications/" + id + "/feedback")
                .then().statusCode(400).body("errors[0].field", equalTo("outcome"));
        as(CHECKER).body(Map.of("outcome", "MEASURE_APPLIED", "caseOutcome", "取消其投标资格"))
                .post("/api/v1/verifications/" + id + "/feedback").then().statusCode(200)
                .body("outcome", equalTo("MEASURE_APPLIED")).body("caseOutcome", equalTo("取消其投标资格"))
                .body("late", equalTo(false));
        as(CHECKER).body(Map.of("outcome", "NO_MEASURE_NEEDED")).post("/api/v1/verifications/" + id + "/feedback")
                .then().statusCode(409).body("type", containsString("feedback-reported"));
        as(CHECKER).get("/api/v1/verifications/" + id + "/feedback").then().statusCode(200)
                .body("outcome", equalTo("MEASURE_APPLIED"));
        as(OTHER).get("/api/v1/verifications/" + id + "/feedback").then().statusCode(404);
        assertEquals(1, stores.count("select count(*) from verification_feedback where verification_id = $1::text::uuid", id));

        String clear = check(CHECKER, clean);
        as(CHECKER).body(Map.of("outcome", "MEASURE_APPLIED")).post("/api/v1/verifications/" + clear + "/feedback")
                .then().statusCode(422).body("errors[0].field", equalTo("outcome"));
        assertEquals(0, stores.count("select count(*) from verification_feedback where verification_id = $1::text::uuid", clear));
    }

    @Test
    void checksPastTheirPeriodWithoutFeedbackAreOverdue() {
        String waiting = check(CHECKER, listed);
        String answered = check(CHECKER, listed);
        String clear = check(CHECKER, clean);
        stores.asOwner("update verification set created_at = created_at - interval '40 days' where id in ('"
                + waiting + "', '" + answered + "', '" + clear + "')");
        as(CHECKER).body(Map.of("outcome", "MEASURE_NOT_APPLIED", "reason", "该主体已于核查后移出名单"))
                .post("/api/v1/verifications/" + answered + "/feedback").then().statusCode(200)
                .body("late", equalTo(true));
        as(CHECKER).get("/api/v1/verifications/feedback-overdue").then().statusCode(200)
                .body("items.verificationId", hasItem(waiting))
                .body("items.verificationId", not(hasItem(answered)))
                .body("items.verificationId", not(hasItem(clear)));
        as(OTHER).get("/api/v1/verifications/feedback-overdue").then().statusCode(200)
                .body("items.verificationId", not(hasItem(waiting)));
    }

    @Test
    void statisticsAgreeWithTheTablesAndCountLookupsOnce() {
        String applied = check(CHECKER, listed, clean);
        check(CHECKER, listed);
        check(CHECKER, clean);
        as(CHECKER).body(Map.of("outcome", "MEASURE_APPLIED")).post("/api/v1/verifications/" + applied + "/feedback")
                .then().statusCode(200);
        String admin = TestTokens.bearer("370000-FGW", "admin");
        JsonPath before = given().header("Authorization", admin).queryParam("department", CHECKER)
                .get("/api/v1/admin/statistics").then().statusCode(200).extract().jsonPath();
        // The naive count, straight from the stored checks.
        assertEquals(stores.count("select count(*) from verification where department = $1", CHECKER),
                before.getLong("totals.checks"));
        assertEquals(3, before.getLong("totals.checks"));
        assertEquals(4, before.getLong("totals.codes"));
        assertEquals(2, before.getLong("totals.needingFeedback"));
        assertEquals(1, before.getLong("totals.feedbackReported"));
        assertEquals(0.5, before.getDouble("totals.feedbackRate"));
        assertEquals(1, before.getLong("totals.measuresApplied"));
        assertEquals(2, before.getLong("checks[0].verdicts.block") + before.getLong("checks[0].verdicts.caution"));
        assertEquals("山东省统计局", before.getString("checks[0].departmentName"));
        assertEquals("山东省", before.getString("checks[0].regionName"));

        // A lookup of a profile by the department is a lookup, not a check; a check is not a lookup.
        given().header("Authorization", TestTokens.bearer(CHECKER, "verify")).get("/api/v1/subjects/" + listed)
                .then().statusCode(200);
        JsonPath after = given().header("Authorization", admin).queryParam("department", CHECKER)
                .get("/api/v1/admin/statistics").then().statusCode(200).extract().jsonPath();
        assertEquals(before.getLong("totals.lookups") + 1, after.getLong("totals.lookups"));
        assertEquals(before.getLong("totals.checks"), after.getLong("totals.checks"));

        given().header("Authorization", TestTokens.bearer(CHECKER, "verify")).get("/api/v1/admin/statistics")
                .then().statusCode(403);
        given().header("Authorization", admin).queryParam("from", "2026-12-01T00:00:00+08:00")
                .queryParam("to", "2026-11-01T00:00:00+08:00").get("/api/v1/admin/statistics")
                .then().statusCode(400).body("errors[0].field", equalTo("to"));
    }
}
