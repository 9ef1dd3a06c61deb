package io.creditquery.subject;

import io.creditquery.common.Problem;
import io.creditquery.support.IngestLines;
import io.creditquery.support.Ndjson;
import io.creditquery.support.TestStores;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.creditquery.support.IngestLines.enterprise;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class RecordsIT {

    private static final String CODE = "91350100M000100Y43";

    @Inject
    TestStores stores;

    @BeforeEach
    void load() {
        stores.reset();
        Ndjson.hub("subjects", enterprise(CODE, "福州测试有限公司")).statusCode(200);
        List<String> records = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            records.add(record("许〔2025〕" + i + "号", "ADMIN_LICENSE", "2025-0" + i + "-01", "PUBLIC", null).line());
        }
        records.add(record("罚〔2024〕1号", "ADMIN_PENALTY", "2024-05-01", "PUBLIC", "2099-01-01").line());
        records.add(record("罚〔2020〕1号", "ADMIN_PENALTY", "2020-05-01", "PUBLIC", "2021-05-01").line());
        records.add(record("查〔2025〕1号", "ADMIN_INSPECTION", "2025-02-01", "CONDITIONAL", null).line());
        records.add(record("薪〔2025〕1号", "LABOUR_WAGES", "2025-02-01", "RESTRICTED", null).line());
        records.add(record("罚〔2023〕9号", "ADMIN_PENALTY", "2023-05-01", "PUBLIC", "2099-01-01")
                .withStatus("REPAIRED").line());
        Ndjson.hub("records", records).statusCode(200).body("rejected", equalTo(0));
    }

    private static IngestLines.Record record(String docNo, String category, String date, String classification,
                                             String until) {
        return IngestLines.record(CODE, category, docNo).withSourceDept("370100-SCJ").withDecisionDate(date)
                .withContent("n", 1).withClassification(classification).withPublicityUntil(until);
    }

    @Test
    void publicSeesOnlyPublicRecordsInTheirWindowNewestFirst() {
        given().get("/api/v1/subjects/" + CODE + "/records").then().statusCode(200)
                .body("items.size()", equalTo(8))
                .body("items[0].sourceDocNo", equalTo("许〔2025〕7号"))
                .body("items[7].sourceDocNo", equalTo("罚〔2024〕1号"))
                .body("items[0].categoryLabel", equalTo("行政许可"))
                .body("items[0].content.n", equalTo(1));
        given().get("/api/v1/subjects/" + CODE + "/records?category=ADMIN_PENALTY").then().statusCode(200)
                .body("items.sourceDocNo", contains("罚〔2024〕1号"));
        given().get("/api/v1/subjects/" + CODE).then().statusCode(200)
                .body("recordCounts.ADMIN_LICENSE", equalTo(7))
                .body("recordCounts.ADMIN_PENALTY", equalTo(1));
    }

    @Test
    void cursorPagesThroughEveryRecordOnce() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("size", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/subjects/" + CODE + "/records").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.sourceDocNo"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertEquals(8, seen.size());
        assertEquals(8, seen.stream().distinct().count());
    }

    @Test
    void badParametersAreProblems() {
        given().get("/api/v1/subjects/" + CODE + "/records?category=GOSSIP").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE).body("errors[0].field", equalTo("category"));
        given().get("/api/v1/subjects/" + CODE + "/records?size=101").then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
        given().get("/api/v1/subjects/" + CODE + "/records?cursor=abc.def").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        given().get("/api/v1/subjects/" + CODE + "/records?page=2").then().statusCode(400)
                .body("errors[0].field", equalTo("page"));
        given().get("/api/v1/subjects/91350100M000100Y44/records").then().statusCode(400)
                .body("errors[0].field", equalTo("code"));
        given().get("/api/v1/subjects/..%2F..%2Fetc%2Fpasswd/records").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE);
    }
}
