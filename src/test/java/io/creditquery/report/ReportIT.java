package io.creditquery.report;

import io.creditquery.common.Digests;
import io.creditquery.support.Ndjson;
import io.creditquery.support.TestStores;
import io.creditquery.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ReportIT {

    static final String CODE = "91350100M000100Y43";
    static final String NAME = "福州榕城信用报告测试有限公司";

    @Inject
    TestStores stores;

    @BeforeEach
    void load() {
        stores.reset();
        Ndjson.hub("subjects", List.of("{\"type\":\"ENTERPRISE\",\"code\":\"" + CODE + "\",\"name\":\"" + NAME + "\","
                + "\"legalRepresentative\":\"林晓峰\",\"regionCode\":\"350102\",\"address\":\"福州市鼓楼区五四路1号\"}"))
                .statusCode(200);
        Ndjson.hub("records", List.of(
                record("榕市监罚〔2026〕12号", "ADMIN_PENALTY", "PUBLIC", "违反《食品安全法》第三十四条 罚款伍仟元"),
                record("榕市监许〔2026〕3号", "ADMIN_LICENSE", "PUBLIC", "食品经营许可证"),
                record("榕人社〔2026〕7号", "LABOUR_WAGES", "RESTRICTED", "拖欠工资已责令支付"))).statusCode(200)
                .body("rejected", equalTo(0));
        Ndjson.hub("list-entries", List.of("{\"subjectCode\":\"" + CODE + "\",\"listType\":\"ABNORMAL_OPERATION\","
                + "\"authority\":\"370100-SCJ\",\"decisionNo\":\"异〔2026〕8号\",\"basis\":\"通过登记的住所无法联系\","
                + "\"listedOn\":\"2026-02-01\"}")).statusCode(200);
    }

    static String record(String docNo, String category, String classification, String title) {
        String dept = category.equals("LABOUR_WAGES") ? "370100-RSJ" : "370100-SCJ";
        return "{\"subjectCode\":\"" + CODE + "\",\"category\":\"" + category + "\",\"sourceDept\":\"" + dept + "\","
                + "\"sourceDocNo\":\"" + docNo + "\",\"decisionDate\":\"2026-03-01\",\"title\":\"" + title + "\","
                + "\"content\":{},\"classification\":\"" + classification + "\",\"publicityUntil\":\"2099-01-01\"}";
    }

    @Test
    void theJsonReportIsStoredAndVerifiableByItsNumber() {
        Response response = given().queryParam("format", "json").get("/api/v1/subjects/" + CODE + "/report");
        response.then().statusCode(200).contentType("application/json")
                .body("subject.name", equalTo(NAME)).body("subject.evaluation.grade", equalTo("C"))
                .body("records.category", equalTo(List.of("ADMIN_LICENSE", "ADMIN_PENALTY")))
                .body("view", equalTo("public"));
        String body = response.asString();
        String number = response.header("X-Report-Number");
        assertEquals(Digests.sha256Hex(body), response.header("X-Report-SHA256"));

        String stored = given().get("/api/v1/reports/" + number).then().statusCode(200)
                .body("subjectCode", equalTo(CODE)).body("subjectName", equalTo(NAME))
                .body("contentSha256", equalTo(Digests.sha256Hex(body)))
                .extract().jsonPath().prettify();
        assertTrue(stored.contains("榕市监罚〔2026〕12号"));
        String content = given().get("/api/v1/reports/" + number).then().extract().jsonPath().getString("contentSha256");
        assertEquals(response.header("X-Report-SHA256"), content);
        // A tampered copy does not match the number's digest.
        assertFalse(Digests.sha256Hex(body.replace("\"C\"", "\"A\"")).equals(content));
    }

    @Test
    void thePdfCarriesTheChineseTextAsText() throws IOException {
        Response response = given().get("/api/v1/subjects/" + CODE + "/report");
        response.then().statusCode(200).contentType("application/pdf")
                .header("Content-Disposition", org.hamcrest.Matchers.containsString("credit-report-CR-"));
        byte[] pdf = response.asByteArray();
        Path file = Path.of("target", "credit-report-sample.pdf");
        Files.write(file, pdf);
        String text;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(document);
        }
        assertTrue(text.contains(NAME), text);
        assertTrue(text.contains(CODE), text);
        assertTrue(text.contains("失信风险"), "grade label: " + text);
        assertTrue(text.contains("经营异常名录"), text);
        assertTrue(text.contains(response.header("X-Report-Number")), text);
        assertTrue(text.contains(response.header("X-Report-SHA256")), text);
        assertFalse(text.contains("拖欠工资"), "a RESTRICTED record is not in a public report");
        given().get("/api/v1/reports/" + response.header("X-Report-Number")).then().statusCode(200)
                .body("contentSha256", equalTo(response.header("X-Report-SHA256")));
    }

    @Test
    void theSubjectsOwnReportHasEverythingAndItsCheckShowsNoContent() {
        Response response = given().header("Authorization", "Bearer " + TestTokens.subject(CODE))
                .queryParam("format", "json").get("/api/v1/subjects/" + CODE + "/report");
        response.then().statusCode(200).body("view", equalTo("self"))
                .body("records.category", equalTo(List.of("ADMIN_LICENSE", "ADMIN_PENALTY", "LABOUR_WAGES")));
        given().get("/api/v1/reports/" + response.header("X-Report-Number")).then().statusCode(200)
                .body("view", equalTo("self")).body("content", nullValue()).body("subjectName", nullValue())
                .body("contentSha256", equalTo(Digests.sha256Hex(new String(response.asByteArray(), StandardCharsets.UTF_8))));
    }

    @Test
    void badRequestsNameTheField() {
        given().queryParam("format", "docx").get("/api/v1/subjects/" + CODE + "/report").then().statusCode(400)
                .body("errors[0].field", equalTo("format"));
        given().get("/api/v1/subjects/91350100M000100Y44/report").then().statusCode(400)
                .body("errors[0].field", equalTo("code"));
        given().get("/api/v1/subjects/91110108551385082Q/report").then().statusCode(404);
        given().get("/api/v1/reports/12345").then().statusCode(400).body("errors[0].field", equalTo("number"));
        given().get("/api/v1/reports/CR-0000000000000000000Z").then().statusCode(404);
        assertEquals(0, stores.count("select count(*) from credit_report"));
    }
}
