package io.creditquery.report;

import io.creditquery.common.Digests;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.creditquery.common.Pem;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.eclipse.microprofile.config.ConfigProvider;
import java.awt.image.BufferedImage;
import io.creditquery.support.IngestLines;
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

import static io.creditquery.support.IngestLines.enterprise;
import static io.creditquery.support.IngestLines.listing;
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
        Ndjson.hub("subjects", enterprise(CODE, NAME).withLegalRepresentative("林晓峰").withRegionCode("350102")
                .withAddress("福州市鼓楼区五四路1号")).statusCode(200);
        Ndjson.hub("records",
                record("榕市监罚〔2026〕12号", "ADMIN_PENALTY", "PUBLIC", "违反《食品安全法》第三十四条 罚款伍仟元"),
                record("榕市监许〔2026〕3号", "ADMIN_LICENSE", "PUBLIC", "食品经营许可证"),
                record("榕人社〔2026〕7号", "LABOUR_WAGES", "RESTRICTED", "拖欠工资已责令支付")).statusCode(200)
                .body("rejected", equalTo(0));
        Ndjson.hub("list-entries", listing(CODE, "ABNORMAL_OPERATION", "异〔2026〕8号").withAuthority("370100-SCJ")
                .withBasis("通过登记的住所无法联系").withListedOn("2026-02-01")).statusCode(200);
    }

    static IngestLines.Record record(String docNo, String category, String classification, String title) {
        String dept = category.equals("LABOUR_WAGES") ? "370100-RSJ" : "370100-SCJ";
        return IngestLines.record(CODE, category, docNo).withSourceDept(dept).withDecisionDate("2026-03-01")
                .withTitle(title).withClassification(classification).withPublicityUntil("2099-01-01");
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
        // Names people read, not only codes; times in Beijing time.
        assertTrue(text.contains("福建省福州市鼓楼区（350102）"), "region by name: " + text);
        assertTrue(text.contains("济南市市场监督管理局（370100-SCJ）"), "deciding department by name: " + text);
        assertTrue(text.contains("存续"), "status in Chinese: " + text);
        assertTrue(text.contains("北京时间 (+08:00)"), "generation time in Beijing time: " + text);
        assertFalse(text.contains("(on a"), "no English inside the grade reasons: " + text);
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

    @Test
    void anonymousReportsAreSharedWhileTheDataStaysTheSame() {
        String first = given().queryParam("format", "json").get("/api/v1/subjects/" + CODE + "/report").header("X-Report-Number");
        Response again = given().queryParam("format", "json").get("/api/v1/subjects/" + CODE + "/report");
        assertEquals(first, again.header("X-Report-Number"), "the same subject, view and data: the same report");
        assertEquals(Digests.sha256Hex(again.asString()), again.header("X-Report-SHA256"));
        assertEquals(1, stores.count("select count(*) from credit_report"), "asking again stores nothing");

        // New data, new report; an identified caller's report is always its own.
        Ndjson.hub("records", record("榕市监罚〔2026〕13号", "ADMIN_PENALTY", "PUBLIC", "罚款壹万元")).statusCode(200);
        String changed = given().queryParam("format", "json").get("/api/v1/subjects/" + CODE + "/report").header("X-Report-Number");
        assertFalse(changed.equals(first));
        String key = "ApiKey " + TestTokens.apiKey("报告测试征信", "search");
        String partner1 = given().header("Authorization", key).queryParam("format", "json")
                .get("/api/v1/subjects/" + CODE + "/report").header("X-Report-Number");
        String partner2 = given().header("Authorization", key).queryParam("format", "json")
                .get("/api/v1/subjects/" + CODE + "/report").header("X-Report-Number");
        assertFalse(partner1.equals(partner2));
        assertEquals(4, stores.count("select count(*) from credit_report"));
    }

    @Test
    void headIssuesNothing() {
        given().head("/api/v1/subjects/" + CODE + "/report").then().statusCode(405).header("Allow", "GET");
        assertEquals(0, stores.count("select count(*) from credit_report"));
    }

    @Test
    void anonymousCallersHaveTheirOwnReportLimit() {
        int limit = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("credit.report.anonymous-per-minute", Integer.class);
        for (int i = 0; i < limit; i++) {
            given().header("X-Forwarded-For", "198.51.100.77").queryParam("format", "json")
                    .get("/api/v1/subjects/" + CODE + "/report").then().statusCode(200);
        }
        given().header("X-Forwarded-For", "198.51.100.77").queryParam("format", "json")
                .get("/api/v1/subjects/" + CODE + "/report").then().statusCode(429)
                .contentType("application/problem+json").header("Retry-After", org.hamcrest.Matchers.notNullValue());
        // the same address may still read profiles (its general limit), and another address may still ask for reports
        given().header("X-Forwarded-For", "198.51.100.77").get("/api/v1/subjects/" + CODE).then().statusCode(200);
        given().header("X-Forwarded-For", "198.51.100.78").queryParam("format", "json")
                .get("/api/v1/subjects/" + CODE + "/report").then().statusCode(200);
    }

    /** More PDFs at once than renderer threads and queue hold: the excess is refused at once, the rest rendered. */
    @Test
    void aBurstOfPdfsIsBoundedNotQueuedWithoutEnd() throws Exception {
        int burst = 16;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(burst);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Response>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < burst; i++) {
                String address = "203.0.113." + (10 + i);
                answers.add(pool.submit(() -> {
                    start.await();
                    return given().header("X-Forwarded-For", address).get("/api/v1/subjects/" + CODE + "/report");
                }));
            }
            start.countDown();
            int rendered = 0;
            int busy = 0;
            for (var answer : answers) {
                Response response = answer.get();
                if (response.statusCode() == 200) {
                    rendered++;
                    assertTrue(new String(response.asByteArray(), 0, 5, StandardCharsets.US_ASCII).startsWith("%PDF"));
                } else {
                    assertEquals(503, response.statusCode(), response.asString());
                    assertEquals("5", response.header("Retry-After"));
                    assertTrue(response.asString().contains("reports-busy"), response.asString());
                    busy++;
                }
            }
            assertTrue(rendered >= 2, "rendered " + rendered);
            assertTrue(busy >= 1, "nothing was refused: the queue is not bounded");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, stores.count("select count(*) from credit_report"), "one shared report for the burst");
    }

    /**
     * 扫码核验 and a signature ordinary readers check: every page's QR code decodes to the report's check address;
     * the PDF carries one signature over the whole file but its own value, made with the configured certificate,
     * valid for BouncyCastle and for poppler's pdfsig, and broken by a one-byte change.
     */
    @Test
    void everyPageLinksToTheCheckAndThePdfIsSigned() throws Exception {
        Response response = given().get("/api/v1/subjects/" + CODE + "/report");
        response.then().statusCode(200).contentType("application/pdf");
        byte[] pdf = response.asByteArray();
        String expectedLink = ConfigProvider.getConfig().getValue("credit.report.verify-base-url", String.class)
                + "/api/v1/reports/" + response.header("X-Report-Number");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(document);
            for (int page = 0; page < document.getNumberOfPages(); page++) {
                BufferedImage image = renderer.renderImageWithDPI(page, 200, ImageType.RGB);
                int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
                Result qr = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                        new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))));
                assertEquals(expectedLink, qr.getText(), "QR code of page " + (page + 1));
            }
            List<PDSignature> signatures = document.getSignatureDictionaries();
            assertEquals(1, signatures.size(), "one signature");
            PDSignature signature = signatures.get(0);
            int[] range = signature.getByteRange();
            assertEquals(0, range[0]);
            assertEquals(pdf.length, range[2] + range[3], "the signature covers the whole file but its own value");
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signature.getSignedContent(pdf)),
                    signature.getContents(pdf));
            SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
            X509CertificateHolder certificate = (X509CertificateHolder) cms.getCertificates()
                    .getMatches(signer.getSID()).iterator().next();
            assertTrue(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate)), "CMS signature valid");
            assertTrue(java.util.Arrays.equals(Pem.read(Path.of(System.getenv("CQ_REPORT_SEAL_CERT")), "CERTIFICATE")
                    .get(0), certificate.getEncoded()), "signed with the platform's configured certificate");
        }
        Path signed = Path.of("target", "credit-report-signed.pdf");
        Files.write(signed, pdf);
        assertTrue(pdfsig(signed).contains("Signature Validation: Signature is Valid."), pdfsig(signed));
        byte[] tampered = pdf.clone();
        int inside = tampered.length / 3;
        tampered[inside] = (byte) (tampered[inside] == '0' ? '1' : '0');
        Path changed = Path.of("target", "credit-report-tampered.pdf");
        Files.write(changed, tampered);
        assertFalse(pdfsig(changed).contains("Signature is Valid."), "a changed byte breaks it: " + pdfsig(changed));
    }

    private static String pdfsig(Path file) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("pdfsig", file.toString()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return out;
    }
}
