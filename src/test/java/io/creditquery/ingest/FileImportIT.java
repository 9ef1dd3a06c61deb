package io.creditquery.ingest;

import io.creditquery.demo.DemoDataGenerator;
import io.creditquery.support.TestStores;
import io.creditquery.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 双公示 template files as departments send them (fixtures under publicity/: GB18030 CSV with a title row and header
 * variants, UTF-8-with-BOM CSV with Excel serial dates, XLSX with a merged two-row header), through the quality gate.
 */
@QuarkusTest
class FileImportIT {

    private static final String DEPT = "370112-SCJ";
    private static final String ENTERPRISE = DemoDataGenerator.uscc(800001, "ENTERPRISE", "370112");
    private static final String BAD_CODE = "91370112475773541X";
    private static final String FIXED_CODE = DemoDataGenerator.uscc(800004, "ENTERPRISE", "370112");
    private static final String LEGAL_REP_ID = "370102198001011237";

    @Inject
    TestStores stores;

    @BeforeEach
    void emptyStores() {
        stores.reset();
    }

    private static ValidatableResponse upload(String name, byte[] content) {
        return given().header("Authorization", TestTokens.bearer(DEPT, "ingest"))
                .multiPart("file", name, content).post("/api/v1/ingest/files").then();
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = FileImportIT.class.getResourceAsStream("/publicity/" + name)) {
            return in.readAllBytes();
        }
    }

    private static boolean hasIssue(JsonPath report, String list, int row, String column, String reasonPart) {
        List<Map<String, Object>> issues = report.getList(list);
        return issues.stream().anyMatch(i -> ((Integer) i.get("row")) == row && column.equals(i.get("column"))
                && String.valueOf(i.get("reason")).contains(reasonPart));
    }

    @Test
    void penaltiesInGb18030WithATitleRowAndRealWorldMess() throws IOException {
        JsonPath report = upload("处罚.csv", fixture("penalty-gb18030.csv")).statusCode(201)
                .body("template", equalTo("penalty")).body("format", equalTo("CSV (GB18030)"))
                .body("rows", equalTo(8)).body("accepted", equalTo(3)).body("rejected", equalTo(5))
                .body("newSubjects", equalTo(3)).extract().jsonPath();
        assertTrue(hasIssue(report, "errors", 6, "行政相对人代码_1(统一社会信用代码)", "check character"), report.prettify());
        assertEquals(1, report.getList("errors.findAll { it.row == 6 }").size(), "one problem, reported once: " + report.prettify());
        assertTrue(hasIssue(report, "errors", 7, "处罚决定日期", "in the future"), report.prettify());
        assertTrue(hasIssue(report, "errors", 8, "罚款金额(万元)", "must not be negative"), report.prettify());
        assertTrue(hasIssue(report, "errors", 9, "处罚依据", "is required"), report.prettify());
        assertTrue(hasIssue(report, "errors", 10, "行政处罚决定书文号", "row 3"), report.prettify());
        assertTrue(hasIssue(report, "warningList", 5, "公示截止期", "set to 2026-05-10"), report.prettify());
        assertEquals(3, stores.count("select count(*) from credit_record where source_dept = $1", DEPT));
        assertEquals(0, stores.count("select count(*) from credit_record where content::text like $1", "%" + LEGAL_REP_ID + "%"),
                "the legal representative's ID is kept masked only");
        assertEquals(1250.5, stores.count("select (content->>'fineAmountWan')::numeric * 10 from credit_record where source_doc_no = $1",
                "历城市监罚〔2025〕101号") / 10.0, "thousands separators are read");

        // The same file again changes nothing.
        upload("处罚.csv", fixture("penalty-gb18030.csv")).statusCode(201)
                .body("accepted", equalTo(3)).body("newSubjects", equalTo(0)).body("changedSubjects", equalTo(0));
        assertEquals(3, stores.count("select count(*) from credit_record where source_dept = $1", DEPT));

        // The penalty shows on the subject's public records (its publicity runs to 2035), masked, and the subject is searchable.
        given().get("/api/v1/subjects/" + ENTERPRISE + "/records?category=ADMIN_PENALTY").then().statusCode(200)
                .body("items.sourceDocNo", hasItem("历城市监罚〔2025〕101号"))
                .body(not(containsString(LEGAL_REP_ID)));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().queryParam("q", "历城华信建材").get("/api/v1/search")
                .then().statusCode(200).extract().jsonPath().getList("items.code").contains(ENTERPRISE));

        // The upload's answer is the stored report: no ID of the file in clear in either.
        String stored = given().header("Authorization", TestTokens.bearer(DEPT, "ingest"))
                .get(report.getString("links.report")).then().statusCode(200).extract().asString();
        assertEquals(report.getMap(""), JsonPath.from(stored).getMap(""));
        String fileText = new String(fixture("penalty-gb18030.csv"), java.nio.charset.Charset.forName("GB18030"));
        java.util.regex.Matcher inFile = java.util.regex.Pattern.compile("\\d{17}[\\dX]").matcher(fileText);
        while (inFile.find()) {
            if (!io.creditquery.security.PersonalIds.redact(inFile.group()).equals(inFile.group())) {
                assertFalse(report.prettify().contains(inFile.group()), "a citizen ID in clear in the upload's answer");
            }
        }

        // The annotated copy lists the refused rows with their reasons; fixed and uploaded again, the fixed row goes in.
        String annotated = given().header("Authorization", TestTokens.bearer(DEPT, "ingest"))
                .get(report.getString("links.annotated")).then().statusCode(200)
                .header("Content-Disposition", containsString("attachment")).extract().asString();
        assertTrue(annotated.startsWith("\uFEFF行政相对人名称"), annotated);
        assertEquals(6, annotated.strip().split("\r\n").length, "header and the five refused rows");
        assertTrue(annotated.contains("check character"), annotated);
        // Citizen IDs in the refused rows are kept and given back masked: the clerk copies them from the original file.
        String original = new String(fixture("penalty-gb18030.csv"), java.nio.charset.Charset.forName("GB18030"));
        String fixed = annotated;
        java.util.regex.Matcher ids = java.util.regex.Pattern.compile("\\d{17}[\\dX]").matcher(original);
        while (ids.find()) {
            if (io.creditquery.security.PersonalIds.redact(ids.group()).equals(ids.group())) {
                continue; // an organisation's code (a valid USCC of digits only)
            }
            assertFalse(annotated.contains(ids.group()), "a citizen ID in clear in the annotated copy");
            fixed = fixed.replace(io.creditquery.security.PersonalIds.mask(ids.group()), ids.group());
        }
        // (an invalid code of 17 digits and an X may be a mistyped ID: it too is masked)
        upload("处罚-已改正.csv", fixed.replace(BAD_CODE, FIXED_CODE).getBytes(StandardCharsets.UTF_8)).statusCode(201)
                .body("format", equalTo("CSV (UTF-8)")).body("accepted", equalTo(1)).body("rejected", equalTo(4));
        assertEquals(4, stores.count("select count(*) from credit_record where source_dept = $1", DEPT));

        // Late submissions: every fixture decision is months old.
        given().header("Authorization", TestTokens.bearer("370000-FGW", "admin"))
                .queryParam("department", DEPT).queryParam("from", "2020-01-01T00:00:00Z")
                .get("/api/v1/admin/reports/timeliness").then().statusCode(200)
                .body("departments[0].department", equalTo(DEPT)).body("departments[0].records", equalTo(4))
                .body("departments[0].late", equalTo(4)).body("lateSubmissions.size()", equalTo(4));
    }

    @Test
    void licencesInUtf8WithBomExcelSerialDatesAndStatusCodes() throws IOException {
        JsonPath report = upload("许可.csv", fixture("license-utf8-bom.csv")).statusCode(201)
                .body("template", equalTo("license")).body("format", equalTo("CSV (UTF-8)"))
                .body("rows", equalTo(4)).body("accepted", equalTo(2)).body("rejected", equalTo(2))
                .extract().jsonPath();
        assertTrue(hasIssue(report, "errors", 4, "有效期至", "is before 有效期自"), report.prettify());
        assertTrue(hasIssue(report, "errors", 5, "当前状态", "must be 1 (有效) or 2 (无效)"), report.prettify());
        assertEquals(1, stores.count("select count(*) from credit_record where source_doc_no = $1 and decision_date = '2025-03-01'",
                "历城市监许〔2025〕201号"), "Excel serial 45717 is 2025-03-01");
        assertEquals(1, stores.count("select count(*) from credit_record where source_doc_no = $1 and publicity_until = '2099-12-31'",
                "历城环许〔2025〕202号"), "长期 has no end");
    }

    /** Each template in the other encoding: the same rows, the same report. */
    @Test
    void theOtherEncodingGivesTheSameReport() throws IOException {
        byte[] licenceUtf8 = fixture("license-utf8-bom.csv");
        String licence = new String(licenceUtf8, 3, licenceUtf8.length - 3, StandardCharsets.UTF_8);
        upload("许可-gbk.csv", licence.getBytes(java.nio.charset.Charset.forName("GB18030"))).statusCode(201)
                .body("format", equalTo("CSV (GB18030)")).body("rows", equalTo(4)).body("accepted", equalTo(2))
                .body("rejected", equalTo(2));
        String penalty = new String(fixture("penalty-gb18030.csv"), java.nio.charset.Charset.forName("GB18030"));
        upload("处罚-utf8.csv", penalty.getBytes(StandardCharsets.UTF_8)).statusCode(201)
                .body("format", equalTo("CSV (UTF-8)")).body("rows", equalTo(8)).body("accepted", equalTo(3))
                .body("rejected", equalTo(5));
    }

    @Test
    void xlsxWithAMergedHeaderAndDateCells() throws IOException {
        JsonPath report = upload("处罚.xlsx", fixture("penalty-merged-header.xlsx")).statusCode(201)
                .body("format", equalTo("XLSX")).body("rows", equalTo(3)).body("accepted", equalTo(2))
                .body("rejected", equalTo(1)).extract().jsonPath();
        assertTrue(hasIssue(report, "errors", 5, "法定代表人", "is required"), report.prettify());
        assertTrue(hasIssue(report, "warningList", 4, "公示截止期", "set to 2026-07-02"), report.prettify());
        assertEquals(1, stores.count("select count(*) from credit_record where source_doc_no = $1 and decision_date = '2025-07-01'"
                + " and publicity_until = '2026-07-01'", "历城市监罚〔2025〕301号"));
        // Stored report, readable again by the department, not by another one.
        String id = report.getString("id");
        given().header("Authorization", TestTokens.bearer(DEPT, "ingest")).get("/api/v1/ingest/files/" + id).then()
                .statusCode(200).body("accepted", equalTo(2));
        given().header("Authorization", TestTokens.bearer("370100-SCJ", "ingest")).get("/api/v1/ingest/files/" + id).then()
                .statusCode(404);
    }

    /** A file whose encoding breaks halfway: the rows before are in, the answer says where and what to do. */
    @Test
    void aFileThatStopsBeingValidUtf8HalfwayIsReportedWithTheLine() throws IOException {
        byte[] penaltyUtf8 = new String(fixture("penalty-gb18030.csv"), java.nio.charset.Charset.forName("GB18030"))
                .getBytes(StandardCharsets.UTF_8);
        byte[] broken = java.util.Arrays.copyOf(penaltyUtf8, penaltyUtf8.length + 1_100_000);
        for (int i = penaltyUtf8.length; i < broken.length; i++) {
            broken[i] = (byte) (i % 1000 == 999 ? '\n' : 'a');
        }
        broken[broken.length - 2] = (byte) 0xFF;
        upload("坏编码.csv", broken).statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("file"))
                .body("errors[0].reason", containsString("not valid UTF-8 near line"))
                .body("errors[0].reason", containsString("upload it again"));
    }

    @Test
    void aFileThatIsNotATemplateIsRefusedAndWritesNothing() {
        upload("notes.csv", "姓名,电话\n张三,123\n".getBytes(StandardCharsets.UTF_8)).statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("file"))
                .body("errors[0].reason", containsString("no header row"));
        given().header("Authorization", TestTokens.bearer("370000-FGW", "ingest:all"))
                .multiPart("file", "x.csv", "行政相对人名称\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/ingest/files").then().statusCode(400).body("errors[0].field", equalTo("department"));
        assertFalse(stores.count("select count(*) from credit_record") > 0);
    }
}
