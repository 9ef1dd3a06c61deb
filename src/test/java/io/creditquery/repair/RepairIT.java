package io.creditquery.repair;

import io.creditquery.subject.PublicityExpiry;
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
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Credit repair end to end, commitments and the grade they feed, and the end of publicity windows. */
@QuarkusTest
class RepairIT {

    static final String CODE = "91350100M000100Y43";
    static final String OTHER = "91110108551385082Q";
    static final String OWNER = "370100-SCJ";
    static final String SUBJECT = "Bearer " + TestTokens.subject(CODE);
    static final String HANDLER = TestTokens.bearer(OWNER, "repair:handle");
    static final String CHECKER = TestTokens.bearer("370100-FGW", "verify");
    static final LocalDate TODAY = LocalDate.now();

    @Inject
    TestStores stores;
    @Inject
    PublicityExpiry expiry;

    @BeforeEach
    void load() {
        stores.reset();
        Ndjson.hub("subjects", enterprise(CODE, "福州修复测试有限公司"), enterprise(OTHER, "北京另一家有限公司")).statusCode(200);
        Ndjson.hub("records",
                penalty("罚〔旧〕1号", TODAY.minusMonths(4), "罚款"),
                penalty("罚〔新〕2号", TODAY.minusDays(10), "罚款"),
                penalty("罚〔重〕3号", TODAY.minusMonths(6), "吊销许可证")).statusCode(200).body("rejected", equalTo(0));
        Ndjson.hub("list-entries",
                listEntry("SERIOUS_DISHONESTY", "严〔2024〕1号", TODAY.minusYears(2)),
                listEntry("JUDGMENT_DEFAULTER", "执〔2024〕9号", TODAY.minusYears(2))).statusCode(200)
                .body("rejected", equalTo(0));
    }

    /** Public for three years from the decision. */
    static IngestLines.Record penalty(String docNo, LocalDate decided, String penaltyType) {
        return IngestLines.penalty(CODE, docNo).withSourceDept(OWNER).withDecisionDate(decided.toString())
                .withContent("penaltyType", penaltyType).withPublicityUntil(decided.plusYears(3).toString());
    }

    static IngestLines.ListEntry listEntry(String type, String decisionNo, LocalDate listed) {
        return listing(CODE, type, decisionNo).withAuthority(OWNER).withBasis("依法认定").withListedOn(listed.toString());
    }

    long id(String table, String column, String value) {
        return stores.count("select id from " + table + " where " + column + " = $1", value);
    }

    static String application(String target, long id) {
        return "{\"" + target + "\":" + id + ",\"reason\":\"已整改到位，罚款已缴清\",\"finePaid\":true,"
                + "\"paymentReference\":\"PAY-2026-0001\",\"commitment\":\"本单位承诺今后严格遵守相关法律法规，如违反承诺自愿接受惩戒\"}";
    }

    static JsonPath apply(String body) {
        return given().header("Authorization", SUBJECT).contentType(ContentType.JSON).body(body)
                .post("/api/v1/repairs").then().statusCode(201).extract().jsonPath();
    }

    static io.restassured.response.ValidatableResponse decide(String id, String body) {
        return given().header("Authorization", HANDLER).contentType(ContentType.JSON).body(body)
                .post("/api/v1/repairs/" + id + "/decision").then();
    }

    static JsonPath check() {
        return check(CODE);
    }

    static JsonPath check(String code) {
        return given().header("Authorization", CHECKER).contentType(ContentType.JSON)
                .body("{\"scenario\":\"GOVERNMENT_PROCUREMENT\",\"codes\":[\"" + code + "\"]}")
                .post("/api/v1/verifications").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void anApprovedRepairLeavesEveryPublicViewAndTheGradeButStaysArchived() {
        // Warm every cache and the index.
        given().get("/api/v1/subjects/" + CODE).then().statusCode(200).body("evaluation.grade", equalTo("D"))
                .body("recordCounts.ADMIN_PENALTY", equalTo(3));
        assertEquals("BLOCK", check().getString("items[0].verdict"));
        stores.awaitIndexed(CODE);

        String entryRepair = apply(application("listEntryId", id("list_entry", "decision_no", "严〔2024〕1号")))
                .getString("id");
        JsonPath recordRepair = apply(application("recordId", id("credit_record", "source_doc_no", "罚〔旧〕1号")));
        assertEquals("PENDING", recordRepair.getString("status"));
        String commitment = recordRepair.getString("commitmentId");
        given().header("Authorization", SUBJECT).get("/api/v1/commitments/" + commitment).then().statusCode(200)
                .body("type", equalTo("CREDIT_REPAIR")).body("department", equalTo(OWNER));
        // Pending changes nothing.
        given().get("/api/v1/subjects/" + CODE).then().body("lists.size()", equalTo(2));

        decide(entryRepair, "{\"decision\":\"APPROVE\",\"note\":\"整改到位\"}").statusCode(200)
                .body("status", equalTo("APPROVED"));
        decide(recordRepair.getString("id"), "{\"decision\":\"APPROVE\"}").statusCode(200);
        decide(recordRepair.getString("id"), "{\"decision\":\"REJECT\",\"note\":\"again\"}").statusCode(409);

        JsonPath profile = given().get("/api/v1/subjects/" + CODE).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("JUDGMENT_DEFAULTER"), profile.getList("lists.listType"));
        assertEquals(2, profile.getInt("recordCounts.ADMIN_PENALTY"));
        assertEquals("D", profile.getString("evaluation.grade"), "still a court defaulter");
        JsonPath checked = check();
        assertEquals(List.of("JUDGMENT_DEFAULTER"), checked.getList("items[0].lists.listType"));
        given().queryParam("q", CODE).get("/api/v1/search").then().statusCode(200)
                .body("items[0].lists", equalTo(List.of("JUDGMENT_DEFAULTER")));
        given().get("/api/v1/subjects/" + CODE + "/records").then().statusCode(200)
                .body("items.sourceDocNo", not(hasItem("罚〔旧〕1号")));
        // Archived: the subject itself still sees it, marked.
        given().header("Authorization", SUBJECT).get("/api/v1/subjects/" + CODE + "/records").then().statusCode(200)
                .body("items.find { it.sourceDocNo == '罚〔旧〕1号' }.status", equalTo("REPAIRED"));
        assertEquals("信用修复", stores.text("select exit_reason from list_entry where decision_no = '严〔2024〕1号'"));
    }

    @Test
    void theRulesSayWhenSomethingMayBeRepaired() {
        given().header("Authorization", SUBJECT).contentType(ContentType.JSON)
                .body(application("recordId", id("credit_record", "source_doc_no", "罚〔新〕2号")))
                .post("/api/v1/repairs").then().statusCode(422).body("errors[0].field", equalTo("recordId"))
                .body("errors[0].reason", containsString("may be repaired from " + TODAY.minusDays(10).plusMonths(3)));
        given().header("Authorization", SUBJECT).contentType(ContentType.JSON)
                .body(application("recordId", id("credit_record", "source_doc_no", "罚〔重〕3号")))
                .post("/api/v1/repairs").then().statusCode(422)
                .body("errors[0].reason", containsString("12 months for serious"));
        given().header("Authorization", SUBJECT).contentType(ContentType.JSON)
                .body(application("listEntryId", id("list_entry", "decision_no", "执〔2024〕9号")))
                .post("/api/v1/repairs").then().statusCode(422)
                .body("errors[0].reason", containsString("listing authority"));
        given().header("Authorization", SUBJECT).contentType(ContentType.JSON)
                .body(application("recordId", id("credit_record", "source_doc_no", "罚〔旧〕1号"))
                        .replace("\"finePaid\":true", "\"finePaid\":false"))
                .post("/api/v1/repairs").then().statusCode(422).body("errors[0].field", equalTo("finePaid"));
        given().header("Authorization", SUBJECT).contentType(ContentType.JSON)
                .body("{\"recordId\":1,\"reason\":\"x\",\"commitment\":\"短\"}")
                .post("/api/v1/repairs").then().statusCode(400)
                .body("errors.field", equalTo(List.of("finePaid", "commitment")));
        assertEquals(0, stores.count("select count(*) from repair"));
        assertEquals(0, stores.count("select count(*) from commitment"));
    }

    @Test
    void onlyTheSubjectAppliesAndOnlyTheOwnerDecides() {
        long record = id("credit_record", "source_doc_no", "罚〔旧〕1号");
        given().contentType(ContentType.JSON).body(application("recordId", record)).post("/api/v1/repairs")
                .then().statusCode(401);
        given().header("Authorization", CHECKER).contentType(ContentType.JSON).body(application("recordId", record))
                .post("/api/v1/repairs").then().statusCode(403);
        given().header("Authorization", "Bearer " + TestTokens.subject(OTHER)).contentType(ContentType.JSON)
                .body(application("recordId", record)).post("/api/v1/repairs").then().statusCode(404);
        String repair = apply(application("recordId", record)).getString("id");
        given().header("Authorization", SUBJECT).contentType(ContentType.JSON).body(application("recordId", record))
                .post("/api/v1/repairs").then().statusCode(409);
        given().header("Authorization", TestTokens.bearer("370100-RSJ", "repair:handle")).contentType(ContentType.JSON)
                .body("{\"decision\":\"APPROVE\"}").post("/api/v1/repairs/" + repair + "/decision").then().statusCode(404);
        decide(repair, "{\"decision\":\"REJECT\"}").statusCode(400).body("errors[0].field", equalTo("note"));
        decide(repair, "{\"decision\":\"REJECT\",\"note\":\"罚款缴纳凭证不符\"}").statusCode(200)
                .body("status", equalTo("REJECTED"));
        given().header("Authorization", SUBJECT).get("/api/v1/repairs").then().statusCode(200)
                .body("[0].decisionNote", equalTo("罚款缴纳凭证不符"));
        given().get("/api/v1/subjects/" + CODE).then().body("recordCounts.ADMIN_PENALTY", equalTo(3));
    }

    @Test
    void aBrokenCommitmentLowersTheGradeEverywhere() {
        String commitments = TestTokens.bearer(OWNER, "commitment");
        JsonPath made = given().header("Authorization", commitments).contentType(ContentType.JSON)
                .body("{\"subjectCode\":\"" + OTHER + "\",\"type\":\"APPROVAL_SUBSTITUTE\",\"content\":\"承诺三个月内补齐消防验收材料\","
                        + "\"madeOn\":\"" + TODAY.minusMonths(4) + "\",\"dueOn\":\"" + TODAY.minusMonths(1) + "\"}")
                .post("/api/v1/commitments").then().statusCode(201).extract().jsonPath();
        stores.awaitIndexed(OTHER);
        given().get("/api/v1/subjects/" + OTHER).then().body("evaluation.grade", equalTo("A"));
        assertEquals("A", check(OTHER).getString("items[0].grade"));

        String id = made.getString("id");
        given().header("Authorization", TestTokens.bearer("370100-RSJ", "commitment")).contentType(ContentType.JSON)
                .body("{\"kept\":false,\"note\":\"逾期未补\"}").post("/api/v1/commitments/" + id + "/assessment")
                .then().statusCode(404);
        given().header("Authorization", commitments).contentType(ContentType.JSON).body("{\"note\":\"逾期未补\"}")
                .post("/api/v1/commitments/" + id + "/assessment").then().statusCode(400)
                .body("errors[0].field", equalTo("kept"));
        given().header("Authorization", commitments).contentType(ContentType.JSON)
                .body("{\"kept\":false,\"note\":\"逾期未补齐材料\"}").post("/api/v1/commitments/" + id + "/assessment")
                .then().statusCode(200).body("kept", equalTo(false));
        given().header("Authorization", commitments).contentType(ContentType.JSON)
                .body("{\"kept\":true,\"note\":\"改判\"}").post("/api/v1/commitments/" + id + "/assessment")
                .then().statusCode(409);

        JsonPath profile = given().get("/api/v1/subjects/" + OTHER).then().extract().jsonPath();
        assertEquals("C", profile.getString("evaluation.grade"));
        assertEquals("broken-commitment", profile.getString("evaluation.reasons[0].rule"));
        JsonPath checked = check(OTHER);
        assertEquals("C", checked.getString("items[0].grade"));
        assertEquals("失信风险", checked.getString("items[0].evaluation.label"));
        given().queryParam("grade", "C").queryParam("q", OTHER).get("/api/v1/search").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].grade", equalTo("C"))
                .body("facets.grade[0].value", equalTo("C"));
    }

    @Test
    void endedPublicityWindowsLeaveTheIndexAndCachesWhenTheJobRuns() {
        stores.execute("update list_entry set status = 'REVOKED'");
        given().get("/api/v1/subjects/" + CODE).then().body("recordCounts.ADMIN_PENALTY", equalTo(3))
                .body("evaluation.grade", equalTo("C"));
        stores.awaitIndexed(CODE);
        // A day passes for one penalty: its window ended yesterday, and nothing was written.
        stores.execute("update credit_record set publicity_until = current_date - 1 where source_doc_no = '罚〔旧〕1号'");
        stores.execute("update publicity_expiry set checked_through = current_date - 7");
        given().get("/api/v1/subjects/" + CODE).then().body("recordCounts.ADMIN_PENALTY", equalTo(3));

        assertEquals(1, expiry.run().await().indefinitely());
        given().get("/api/v1/subjects/" + CODE).then().body("recordCounts.ADMIN_PENALTY", equalTo(2))
                .body("evaluation.grade", equalTo("B"));
        stores.awaitIndexed(CODE);
        assertEquals("B", stores.indexed(CODE).get("grade"));
        assertEquals(0, expiry.run().await().indefinitely(), "a second run the same day has nothing to do");
    }

    private static io.restassured.response.ValidatableResponse object(long record, String reason, String contact) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", "198.51.100.9")
                .body("{\"recordId\":" + record + ",\"reason\":\"" + reason + "\",\"filerName\":\"竞争对手\","
                        + "\"contact\":\"" + contact + "\"}")
                .post("/api/v1/objections").then();
    }

    /**
     * A competitor's objections cannot hold a subject's repair for ever: the first objection holds the record until
     * decided; after its rejection, the same grounds are refused, and new grounds are handled without holding
     * anything; one contact has at most three objections open.
     */
    @Test
    void objectionsCannotStallARepair() {
        long record = id("credit_record", "source_doc_no", "罚〔旧〕1号");
        String objectionHandler = TestTokens.bearer(OWNER, "objection:handle");
        String first = object(record, "该处罚决定书文号有误，应为另一家企业", "13800000001").statusCode(201)
                .extract().jsonPath().getString("trackingId");
        given().header("Authorization", SUBJECT).contentType(ContentType.JSON).body(application("recordId", record))
                .post("/api/v1/repairs").then().statusCode(409).body("type", org.hamcrest.Matchers.endsWith("objection-open"));
        given().header("Authorization", objectionHandler).contentType(ContentType.JSON)
                .body("{\"decision\":\"REJECT\",\"note\":\"文号核对无误\"}")
                .post("/api/v1/objections/" + first + "/decision").then().statusCode(200);

        // The same grounds again (spacing and punctuation aside), from another contact: refused.
        object(record, "该处罚决定书文号有误 应为另一家企业！", "13800000002").statusCode(422)
                .body("errors[0].field", equalTo("reason"));
        // New grounds: taken, but the record stays in force and the subject's repair goes ahead.
        object(record, "处罚金额与公示内容不一致", "13800000002").statusCode(201);
        given().get("/api/v1/subjects/" + CODE + "/records?category=ADMIN_PENALTY").then().statusCode(200)
                .body("items.find { it.sourceDocNo == '罚〔旧〕1号' }.status", equalTo("ACTIVE"));
        String repair = apply(application("recordId", record)).getString("id");
        decide(repair, "{\"decision\":\"APPROVE\"}").statusCode(200).body("status", equalTo("APPROVED"));

        // One contact, three open objections at most (on other information of the subject), however it is written.
        long second = id("credit_record", "source_doc_no", "罚〔新〕2号");
        long third = id("credit_record", "source_doc_no", "罚〔重〕3号");
        long listed = id("list_entry", "decision_no", "严〔2024〕1号");
        object(second, "处罚对象认定错误，请核实", "0591-87654321").statusCode(201);
        object(third, "处罚对象认定错误，请核实", "059187654321").statusCode(201);
        given().contentType(ContentType.JSON).header("X-Forwarded-For", "198.51.100.9")
                .body("{\"listEntryId\":" + listed + ",\"reason\":\"列入依据已撤销，请核实\",\"filerName\":\"竞争对手\","
                        + "\"contact\":\"0591-87654321\"}").post("/api/v1/objections").then().statusCode(201);
        long otherEntry = id("list_entry", "decision_no", "执〔2024〕9号");
        given().contentType(ContentType.JSON).header("X-Forwarded-For", "198.51.100.9")
                .body("{\"listEntryId\":" + otherEntry + ",\"reason\":\"列入依据已撤销，请核实\",\"filerName\":\"竞争对手\","
                        + "\"contact\":\"059187654321\"}").post("/api/v1/objections").then().statusCode(429)
                .body("errors[0].field", equalTo("contact"));
        assertEquals(3, stores.count("select count(*) from objection where replace(contact, '-', '') = '059187654321'"));
    }
}
