package io.creditquery.objection;

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
import java.util.Set;

import static io.creditquery.support.IngestLines.enterprise;
import static io.creditquery.support.IngestLines.listing;
import static io.creditquery.support.IngestLines.penalty;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ObjectionIT {

    static final String CODE = "91350100M000100Y43";
    static final String OWNER = "370100-SCJ";
    static final String HANDLER = TestTokens.bearer(OWNER, "objection:handle");
    static final String CHECKER = TestTokens.bearer("370100-FGW", "verify");
    static final IngestLines.ListEntry ABNORMAL = listing(CODE, "ABNORMAL_OPERATION", "异〔2026〕1号").withAuthority(OWNER)
            .withBasis("未按期公示年报").withListedOn("2026-01-05");

    @Inject
    TestStores stores;

    @BeforeEach
    void load() {
        stores.reset();
        Ndjson.hub("subjects", enterprise(CODE, "福州异议测试有限公司")).statusCode(200);
        Ndjson.hub("records",
                record("罚〔2026〕1号", "PUBLIC"), record("罚〔2026〕2号", "PUBLIC"), record("罚〔2026〕3号", "RESTRICTED"))
                .statusCode(200).body("rejected", equalTo(0));
        Ndjson.hub("list-entries", ABNORMAL).statusCode(200).body("rejected", equalTo(0));
    }

    static IngestLines.Record record(String docNo, String classification) {
        return penalty(CODE, docNo).withSourceDept(OWNER).withDecisionDate("2026-03-01").withTitle(docNo + " 罚款")
                .withContent("amount", 5000).withClassification(classification).withPublicityUntil("2099-01-01");
    }

    long recordId(String docNo) {
        return stores.count("select id from credit_record where source_doc_no = $1", docNo);
    }

    long listEntryId() {
        return stores.count("select id from list_entry where decision_no = '异〔2026〕1号'");
    }

    static String publicObjection(String target, long id) {
        return "{\"" + target + "\":" + id + ",\"reason\":\"罚款已于决定前缴清，记录有误\",\"filerName\":\"张三\","
                + "\"contact\":\"13800138000\",\"attachments\":[{\"name\":\"缴款凭证.pdf\",\"mediaType\":\"application/pdf\","
                + "\"size\":20480,\"sha256\":\"" + "ab".repeat(32) + "\"}]}";
    }

    static JsonPath file(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/objections").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/objections/YY-"))
                .extract().jsonPath();
    }

    static JsonPath verification() {
        return given().header("Authorization", CHECKER).contentType(ContentType.JSON)
                .body("{\"scenario\":\"GOVERNMENT_PROCUREMENT\",\"codes\":[\"" + CODE + "\"]}")
                .post("/api/v1/verifications").then().statusCode(200).extract().jsonPath();
    }

    static JsonPath searchHit() {
        return given().queryParam("q", CODE).get("/api/v1/search").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void filingFlagsTheRecordInEveryReadPathAtOnce() {
        // Warm every cache first: the flag must not wait for a TTL.
        given().get("/api/v1/subjects/" + CODE).then().statusCode(200).body("recordsUnderObjection", equalTo(0));
        stores.awaitIndexed(CODE);
        assertEquals(false, searchHit().getBoolean("items[0].underObjection"));
        assertEquals(0, verification().getInt("items[0].recordsUnderObjection"));

        JsonPath filed = file(publicObjection("recordId", recordId("罚〔2026〕1号")));
        String tracking = filed.getString("trackingId");
        assertEquals("FILED", filed.getString("status"));
        assertEquals(OWNER, filed.getString("department"));
        assertNotNull(filed.getString("dueOn"));
        assertEquals(null, filed.getString("contact"), "the filer's contact is never shown back");

        given().get("/api/v1/subjects/" + CODE).then().statusCode(200).body("recordsUnderObjection", equalTo(1));
        given().get("/api/v1/subjects/" + CODE + "/records").then().statusCode(200)
                .body("items.find { it.sourceDocNo == '罚〔2026〕1号' }.status", equalTo("UNDER_OBJECTION"))
                .body("items.find { it.sourceDocNo == '罚〔2026〕2号' }.status", equalTo("ACTIVE"));
        assertEquals(true, searchHit().getBoolean("items[0].underObjection"));
        assertEquals(1, verification().getInt("items[0].recordsUnderObjection"));

        given().get("/api/v1/objections/" + tracking).then().statusCode(200)
                .body("status", equalTo("FILED")).body("filerName", nullValue())
                .body("attachments[0].name", equalTo("缴款凭证.pdf"));
        given().header("Authorization", HANDLER).get("/api/v1/objections/" + tracking).then().statusCode(200)
                .body("filerName", equalTo("张三")).body("contact", equalTo("13800138000"));
    }

    @Test
    void anObjectionAgainstAListEntryFlagsTheBadgeAndTheCheck() {
        given().get("/api/v1/subjects/" + CODE).then().statusCode(200).body("lists[0].underObjection", equalTo(false));
        assertEquals(false, verification().getBoolean("items[0].lists[0].underObjection"));
        file(publicObjection("listEntryId", listEntryId()));
        given().get("/api/v1/subjects/" + CODE).then().statusCode(200).body("lists[0].underObjection", equalTo(true));
        assertEquals(true, verification().getBoolean("items[0].lists[0].underObjection"));
        assertEquals("CAUTION", verification().getString("items[0].verdict"), "a flag informs, it does not suspend");
    }

    @Test
    void badFilingsAreRefusedNamingTheFieldAndLeaveNoTrace() {
        long id = recordId("罚〔2026〕1号");
        given().contentType(ContentType.JSON).body("{\"recordId\":" + id + ",\"reason\":\"有误\"}")
                .post("/api/v1/objections").then().statusCode(400)
                .body("errors.field", hasItems("reason", "filerName", "contact"));
        given().contentType(ContentType.JSON).body("{\"recordId\":" + id + ",\"listEntryId\":1,\"reason\":\"记录有误请核实\","
                        + "\"filerName\":\"张三\",\"contact\":\"not a phone\"}")
                .post("/api/v1/objections").then().statusCode(400)
                .body("errors.field", hasItems("recordId", "contact"));
        given().contentType(ContentType.JSON).body(publicObjection("recordId", id)
                        .replace("application/pdf", "application/x-msdownload"))
                .post("/api/v1/objections").then().statusCode(400)
                .body("errors.field", hasItem("attachments[0].mediaType"));
        // The public cannot object to what it cannot see.
        given().contentType(ContentType.JSON).body(publicObjection("recordId", recordId("罚〔2026〕3号")))
                .post("/api/v1/objections").then().statusCode(404);
        assertEquals(0, stores.count("select count(*) from objection"));
        assertEquals(0, stores.count("select count(*) from credit_record where status <> 'ACTIVE'"));

        file(publicObjection("recordId", id));
        given().contentType(ContentType.JSON).body(publicObjection("recordId", id))
                .post("/api/v1/objections").then().statusCode(409);
        assertEquals(1, stores.count("select count(*) from objection"));
    }

    @Test
    void theSubjectItselfObjectsToARestrictedRecordWithoutGivingAContact() {
        given().header("Authorization", "Bearer " + TestTokens.subject(CODE)).contentType(ContentType.JSON)
                .body("{\"recordId\":" + recordId("罚〔2026〕3号") + ",\"reason\":\"该处罚已被复议撤销\"}")
                .post("/api/v1/objections").then().statusCode(201).body("filerKind", equalTo("SUBJECT"));
    }

    @Test
    void theOwningDepartmentAcceptsAndRejectsAndTheFlagGoes() {
        String tracking = file(publicObjection("recordId", recordId("罚〔2026〕1号"))).getString("trackingId");
        given().header("Authorization", TestTokens.bearer("370100-RSJ", "objection:handle")).contentType(ContentType.JSON)
                .body("{\"decision\":\"ACCEPT\"}").post("/api/v1/objections/" + tracking + "/decision")
                .then().statusCode(404);
        decide(tracking, "{\"decision\":\"ACCEPT\"}").statusCode(200).body("status", equalTo("ACCEPTED"));
        decide(tracking, "{\"decision\":\"REJECT\"}").statusCode(400).body("errors[0].field", equalTo("note"));
        decide(tracking, "{\"decision\":\"REJECT\",\"note\":\"经核实处罚决定无误\"}").statusCode(200)
                .body("status", equalTo("REJECTED")).body("decisionNote", equalTo("经核实处罚决定无误"));
        decide(tracking, "{\"decision\":\"DELETE\",\"note\":\"again\"}").statusCode(409);
        given().get("/api/v1/subjects/" + CODE).then().statusCode(200).body("recordsUnderObjection", equalTo(0));
        given().get("/api/v1/objections/" + tracking).then().statusCode(200).body("status", equalTo("REJECTED"));
    }

    @Test
    void aCorrectionChangesTheRecordAndKeepsBeforeAndAfter() {
        String tracking = file(publicObjection("recordId", recordId("罚〔2026〕1号"))).getString("trackingId");
        decide(tracking, "{\"decision\":\"CORRECT\",\"note\":\"金额更正\",\"correction\":{\"basis\":\"x\"}}")
                .statusCode(400).body("errors[0].field", equalTo("correction.basis"));
        JsonPath decided = decide(tracking, "{\"decision\":\"CORRECT\",\"note\":\"金额录入错误，已更正\","
                + "\"correction\":{\"title\":\"罚〔2026〕1号 罚款（更正）\",\"content\":{\"amount\":500}}}")
                .statusCode(200).body("status", equalTo("CORRECTED")).extract().jsonPath();
        assertEquals(5000, decided.getInt("correction.before.content.amount"));
        assertEquals(500, decided.getInt("correction.after.content.amount"));
        given().get("/api/v1/subjects/" + CODE + "/records").then().statusCode(200)
                .body("items.find { it.sourceDocNo == '罚〔2026〕1号' }.content.amount", equalTo(500))
                .body("items.find { it.sourceDocNo == '罚〔2026〕1号' }.status", equalTo("ACTIVE"));
    }

    @Test
    void aDeletionWithdrawsTheListEntryFromEveryView() {
        given().get("/api/v1/subjects/" + CODE).then().statusCode(200).body("lists.size()", equalTo(1));
        stores.awaitIndexed(CODE);
        assertEquals(List.of("ABNORMAL_OPERATION"), searchHit().getList("items[0].lists"));
        String tracking = file(publicObjection("listEntryId", listEntryId())).getString("trackingId");
        decide(tracking, "{\"decision\":\"DELETE\",\"note\":\"认定依据不足，予以删除\"}").statusCode(200)
                .body("status", equalTo("DELETED"));
        given().get("/api/v1/subjects/" + CODE).then().statusCode(200).body("lists.size()", equalTo(0));
        assertEquals(List.of(), searchHit().getList("items[0].lists"));
        assertEquals("CLEAR", verification().getString("items[0].verdict"));
        // A re-sync of the department's data does not bring a deleted entry back.
        Ndjson.hub("list-entries", ABNORMAL.withBasis("未按期公示年报（重报）")).statusCode(200);
        given().get("/api/v1/subjects/" + CODE).then().statusCode(200).body("lists.size()", equalTo(0));
    }

    @Test
    void aResyncDoesNotLiftTheFlagOfAnOpenObjection() {
        file(publicObjection("recordId", recordId("罚〔2026〕1号")));
        Ndjson.hub("records", record("罚〔2026〕1号", "PUBLIC").withTitle("罚〔2026〕1号 罚款（重报）"))
                .statusCode(200).body("rejected", equalTo(0));
        given().get("/api/v1/subjects/" + CODE + "/records").then().statusCode(200)
                .body("items.find { it.sourceDocNo == '罚〔2026〕1号' }.status", equalTo("UNDER_OBJECTION"))
                .body("items.find { it.sourceDocNo == '罚〔2026〕1号' }.title", equalTo("罚〔2026〕1号 罚款（重报）"));
    }

    @Test
    void overdueObjectionsAreListedForTheirDepartmentOnly() {
        String late = file(publicObjection("recordId", recordId("罚〔2026〕1号"))).getString("trackingId");
        String onTime = file(publicObjection("recordId", recordId("罚〔2026〕2号"))).getString("trackingId");
        LocalDate due = LocalDate.parse(given().get("/api/v1/objections/" + onTime).then().extract().path("dueOn"));
        assertTrue(due.isAfter(LocalDate.now().plusDays(9)), "10 working days are at least two weeks: " + due);
        stores.execute("update objection set due_on = current_date - 1 where id = $1", late);

        JsonPath overdue = given().header("Authorization", HANDLER).queryParam("overdue", "true")
                .get("/api/v1/objections").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(late), overdue.getList("items.trackingId"));
        assertEquals(true, overdue.getBoolean("items[0].overdue"));
        JsonPath all = given().header("Authorization", HANDLER).get("/api/v1/objections").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(Set.of(late, onTime), Set.copyOf(all.getList("items.trackingId")));
        given().header("Authorization", TestTokens.bearer("370100-RSJ", "objection:handle")).get("/api/v1/objections")
                .then().statusCode(200).body("items.size()", equalTo(0));
        given().header("Authorization", TestTokens.bearer(OWNER, "verify")).get("/api/v1/objections")
                .then().statusCode(403);
        given().header("Authorization", HANDLER).queryParam("overdue", "soon").get("/api/v1/objections")
                .then().statusCode(400).body("errors[0].field", equalTo("overdue"));
        assertFalse(all.getList("items.status").contains("REJECTED"));
    }

    static io.restassured.response.ValidatableResponse decide(String tracking, String body) {
        return given().header("Authorization", HANDLER).contentType(ContentType.JSON).body(body)
                .post("/api/v1/objections/" + tracking + "/decision").then();
    }
}
