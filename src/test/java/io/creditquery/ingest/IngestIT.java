package io.creditquery.ingest;

import io.creditquery.code.CodeValidator;
import io.creditquery.demo.DemoDataGenerator;
import io.creditquery.demo.DemoDataGenerator.GeneratedSubject;
import io.creditquery.support.IngestLines;
import io.creditquery.support.Ndjson;
import io.creditquery.support.TestTokens;
import io.creditquery.support.TestStores;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.creditquery.support.IngestLines.enterprise;
import static io.creditquery.support.IngestLines.listing;
import static io.creditquery.support.IngestLines.penalty;
import static io.creditquery.support.IngestLines.person;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

@QuarkusTest
class IngestIT {

    private static final String ENTERPRISE = "91350100M000100Y43";
    private static final String REGISTRATION_NO = "37010000011169" + CodeValidator.registrationNoCheckDigit("37010000011169");

    @Inject
    TestStores stores;

    @BeforeEach
    void reset() {
        stores.reset();
    }

    private static IngestLines.Subject subjectLine(String code, String name) {
        return enterprise(code, name).withLegalRepresentative("张伟").withRegistrationNo(REGISTRATION_NO)
                .withRegionCode("350100").withIndustryCode("F5165");
    }

    /** Without a classification (PUBLIC by default). */
    private static IngestLines.Record penaltyLine(String code, String docNo) {
        return penalty(code, docNo).withSourceDept("370100-SCJ").withDecisionDate("2025-03-01").withTitle("虚假宣传")
                .withContent("fineWanYuan", 1.5).withClassification(null).withPublicityUntil("2099-03-01");
    }

    @Test
    void ndjsonInProfileOutAndFoundInElasticsearch() {
        Ndjson.hub("subjects", subjectLine(ENTERPRISE, "福州华信建材有限公司"))
                .statusCode(200).body("accepted", equalTo(1)).body("changedSubjects", equalTo(1));
        Ndjson.post("records", "370100-SCJ", "ingest", penaltyLine(ENTERPRISE, "济市监罚〔2025〕1号"))
                .statusCode(200).body("accepted", equalTo(1));
        Ndjson.hub("list-entries", listing(ENTERPRISE, "SERIOUS_DISHONESTY", "鲁市监认〔2025〕1号").withAuthority("370000-SCJ")
                .withBasis("《市场监督管理严重违法失信名单管理办法》第二条").withListedOn("2025-04-01").withPlannedExitOn("2099-04-01"))
                .statusCode(200).body("accepted", equalTo(1));

        given().get("/api/v1/subjects/" + ENTERPRISE).then().statusCode(200)
                .body("code", equalTo(ENTERPRISE))
                .body("name", equalTo("福州华信建材有限公司"))
                .body("oldCodes.registrationNo", equalTo(REGISTRATION_NO))
                .body("oldCodes.orgCode", equalTo("M000100Y4"))
                .body("recordCounts.ADMIN_PENALTY", equalTo(1))
                .body("lists.listType", contains("SERIOUS_DISHONESTY"))
                .body("lists[0].kind", equalTo("BLACK"))
                // Names beside the codes, for people (GB/T 2260 division, the department table, status labels).
                .body("regionCode", equalTo("350100"))
                .body("regionName", equalTo("福建省福州市"))
                .body("statusLabel", equalTo("存续"))
                .body("lists[0].authority", equalTo("370000-SCJ"))
                .body("lists[0].authorityName", equalTo("山东省市场监督管理局"))
                .body("evaluation.reasons[0].reason", equalTo("列入严重失信主体名单"))
                .body("evaluation.reasons[0].reasonEn", equalTo("on a serious dishonesty list"));
        given().get("/api/v1/subjects/" + ENTERPRISE + "/records").then().statusCode(200)
                .body("items[0].sourceDept", equalTo("370100-SCJ"))
                .body("items[0].sourceDeptName", equalTo("济南市市场监督管理局"))
                .body("items[0].statusLabel", equalTo("有效"));

        // Old codes (新老代码衔接) resolve to the same subject.
        given().get("/api/v1/subjects/" + REGISTRATION_NO).then().statusCode(200).body("code", equalTo(ENTERPRISE));
        given().get("/api/v1/subjects/M000100Y-4").then().statusCode(200).body("code", equalTo(ENTERPRISE));
        given().get("/api/v1/subjects/" + REGISTRATION_NO + "/records").then().statusCode(200)
                .body("items.title", contains("虚假宣传"));
        given().header("Authorization", TestTokens.bearer("370100-SCJ", "verify")).contentType("application/json")
                .body(Map.of("scenario", "TENDERING", "codes", List.of(REGISTRATION_NO, "M000100Y4", ENTERPRISE),
                        "purpose", "新老代码衔接核查"))
                .post("/api/v1/verifications").then().statusCode(200)
                .body("items.status", contains("FOUND", "FOUND", "FOUND"))
                .body("items.code", contains(ENTERPRISE, ENTERPRISE, ENTERPRISE))
                .body("items.duplicateOf", contains(null, 0, 0));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Object> doc = stores.indexed(ENTERPRISE);
            assertNotNull(doc);
            assertEquals("福州华信建材有限公司", doc.get("name"));
            assertEquals(List.of("SERIOUS_DISHONESTY"), doc.get("list_types"));
            assertEquals(List.of("ADMIN_PENALTY"), doc.get("record_categories"));
        });
    }

    @Test
    void sameFileTwiceLeavesTheSameState() {
        DemoDataGenerator generator = new DemoDataGenerator(99);
        List<GeneratedSubject> subjects = java.util.stream.LongStream.range(0, 200).mapToObj(generator::subject).toList();
        List<String> subjectLines = subjects.stream().map(GeneratedSubject::subjectLine).toList();
        List<String> recordLines = subjects.stream().flatMap(s -> s.recordLines().stream()).toList();

        Ndjson.hub("subjects", subjectLines).statusCode(200).body("accepted", equalTo(200)).body("changedSubjects", equalTo(200));
        Ndjson.hub("records", recordLines).statusCode(200).body("rejected", equalTo(0));
        long records = stores.count("select count(*) from credit_record");
        long versions = stores.count("select sum(version) from subject");

        Ndjson.hub("subjects", subjectLines).statusCode(200).body("accepted", equalTo(200)).body("changedSubjects", equalTo(0));
        Ndjson.hub("records", recordLines).statusCode(200).body("changedSubjects", equalTo(0));

        assertEquals(200, stores.count("select count(*) from subject"));
        assertEquals(records, stores.count("select count(*) from credit_record"));
        assertEquals(recordLines.size(), records);
        assertEquals(versions, stores.count("select sum(version) from subject"));
    }

    @Test
    void badLinesAreReportedAndLeaveNoTrace() {
        String valid = subjectLine(ENTERPRISE, "福州华信建材有限公司").line();
        List<String> lines = List.of(
                valid,
                "{\"type\":\"ENTERPRISE\",\"code\":\"91350100M000100Y44\",\"name\":\"坏的校验位\"}",
                "{\"type\":\"ENTERPRISE\",\"code\":\"91110108551385082Q\"}",
                "{not json",
                "{\"type\":\"SPACESHIP\",\"code\":\"91110108551385082Q\",\"name\":\"x\"}",
                "{\"type\":\"ENTERPRISE\",\"code\":\"91110108551385082Q\",\"name\":\"x\",\"colour\":\"red\"}",
                "{\"type\":\"ENTERPRISE\",\"code\":\"91110108551385082Q\",\"name\":\"a\\u0000b\"}",
                "{\"type\":\"ENTERPRISE\",\"code\":\"91110108551385082Q\",\"name\":\"x\",\"name\":\"y\"}");
        Ndjson.hub("subjects", lines).statusCode(200)
                .body("lines", equalTo(8)).body("accepted", equalTo(1)).body("rejected", equalTo(7))
                .body("errors.line", contains(2, 3, 4, 5, 6, 7, 8))
                .body("errors[0].field", equalTo("code"))
                .body("errors[0].reason", containsString("should be 3, not 4"))
                .body("errors[1].field", equalTo("name")).body("errors[1].reason", equalTo("is required"))
                .body("errors[2].reason", containsString("malformed JSON"))
                .body("errors[3].field", equalTo("type")).body("errors[3].reason", containsString("SPACESHIP"))
                .body("errors[4].field", equalTo("colour")).body("errors[4].reason", equalTo("unknown field"))
                .body("errors[5].reason", containsString("U+0000"))
                .body("errors[6].reason", containsString("Duplicate field 'name'"));
        assertEquals(1, stores.count("select count(*) from subject"));
        assertEquals(1, stores.count("select count(*) from subject where subject_key = $1", ENTERPRISE));

        // A record for an unknown subject and one with dates out of order are rejected; the valid one is kept.
        Ndjson.post("records", "370100-SCJ", "ingest",
                        penaltyLine(ENTERPRISE, "济市监罚〔2025〕2号"),
                        penaltyLine("91110108551385082Q", "济市监罚〔2025〕3号"),
                        penaltyLine(ENTERPRISE, "济市监罚〔2025〕4号").withPublicityUntil("2020-01-01"),
                        penaltyLine(ENTERPRISE, "济市监罚〔2025〕5号").withSourceDept("370200-SCJ"))
                .statusCode(200).body("accepted", equalTo(1))
                .body("errors.field", contains("subjectCode", "publicityUntil", "sourceDept"))
                .body("errors[2].reason", containsString("only its own data (370100-SCJ)"));
        assertEquals(1, stores.count("select count(*) from credit_record"));
        assertEquals(1, stores.count("select count(*) from credit_record where source_doc_no = $1", "济市监罚〔2025〕2号"));
    }

    @Test
    void fileWithNoValidLineIsRefusedWhole() {
        Ndjson.hub("subjects", List.of("{}", "[]")).statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("line 2: line"))
                .body("detail", equalTo("all 2 lines were rejected; nothing was written"));
        assertEquals(0, stores.count("select count(*) from subject"));
    }

    @Test
    void ingestNeedsAToken() {
        given().contentType(IngestResource.NDJSON)
                .body(subjectLine(ENTERPRISE, "x").line().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/ingest/subjects").then().statusCode(401)
                .contentType("application/problem+json").body("status", equalTo(401));
        Ndjson.post("subjects", "370100-SCJ", "search", subjectLine(ENTERPRISE, "x")).statusCode(403)
                .contentType("application/problem+json");
        Ndjson.hub("spaceships", subjectLine(ENTERPRISE, "x")).statusCode(400)
                .body("errors[0].field", equalTo("kind"));
        assertEquals(0, stores.count("select count(*) from subject"));
    }

    @Test
    void naturalPersonsAreKeyedByHashAndShownMasked() {
        String citizenId = "11010519491231002X";
        Ndjson.hub("subjects", person(citizenId, "张三")).statusCode(200).body("accepted", equalTo(1));
        assertEquals(0, stores.count("select count(*) from subject where subject_key like '%' || $1 || '%'", "1949123"));
        // Not on a law-mandated public list: not visible to the public.
        given().get("/api/v1/subjects/" + citizenId).then().statusCode(404)
                .body("detail", containsString("1101**********002X"));

        Ndjson.hub("list-entries", listing(citizenId, "JUDGMENT_DEFAULTER", "（2025）鲁01执1号").withAuthority("370100-ZY")
                .withBasis("失信被执行人名单规定第一条")).statusCode(200);
        given().get("/api/v1/subjects/" + citizenId).then().statusCode(200)
                .body("code", equalTo("1101**********002X"))
                .body("name", equalTo("张三"))
                .body("address", nullValue())
                .body("lists[0].listType", equalTo("JUDGMENT_DEFAULTER"));
    }
}
