package io.creditquery.subject;

import io.creditquery.support.IngestLines;
import io.creditquery.support.Ndjson;
import io.creditquery.support.TestStores;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;


import static io.creditquery.support.IngestLines.enterprise;
import static io.creditquery.support.IngestLines.license;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Lineage on every record, and ETag / If-None-Match on profiles and record pages. */
@QuarkusTest
class ConditionalGetIT {

    static final String CODE = "91350100M000100Y43";

    @Inject
    TestStores stores;

    @BeforeEach
    void load() {
        stores.reset();
        Ndjson.hub("subjects", enterprise(CODE, "福州条件请求测试有限公司")).statusCode(200);
        Ndjson.hub("records", record("许可")).statusCode(200).body("rejected", equalTo(0));
    }

    static IngestLines.Record record(String title) {
        return license(CODE, "许〔2026〕9号").withSourceDept("370100-SCJ").withTitle(title);
    }

    @Test
    void anUnchangedProfileIsNotSentAgain() {
        Response first = given().get("/api/v1/subjects/" + CODE);
        String etag = first.header("ETag");
        assertNotNull(etag);
        given().header("If-None-Match", etag).get("/api/v1/subjects/" + CODE).then().statusCode(304)
                .header("ETag", etag).body(equalTo(""));
        given().header("If-None-Match", "W/" + etag + ", \"other\"").get("/api/v1/subjects/" + CODE).then()
                .statusCode(304);
        Ndjson.hub("subjects", enterprise(CODE, "福州条件请求测试更名有限公司")).statusCode(200);
        Response changed = given().header("If-None-Match", etag).get("/api/v1/subjects/" + CODE);
        changed.then().statusCode(200).body("name", equalTo("福州条件请求测试更名有限公司"));
        assertNotEquals(etag, changed.header("ETag"));
    }

    @Test
    void recordsCarryTheirLineageAndTags() {
        Response first = given().get("/api/v1/subjects/" + CODE + "/records");
        first.then().statusCode(200).body("items[0].lineage.sourceDept", equalTo("370100-SCJ"))
                .body("items[0].lineage.sourceDocNo", equalTo("许〔2026〕9号"))
                .body("items[0].lineage.version", equalTo(1));
        String receivedAt = first.path("items[0].lineage.receivedAt");
        given().header("If-None-Match", first.header("ETag")).get("/api/v1/subjects/" + CODE + "/records").then()
                .statusCode(304);
        Ndjson.hub("records", record("许可（变更）")).statusCode(200);
        Response second = given().header("If-None-Match", first.header("ETag")).get("/api/v1/subjects/" + CODE + "/records");
        second.then().statusCode(200).body("items[0].lineage.version", equalTo(2));
        assertEquals(receivedAt, second.path("items[0].lineage.receivedAt"), "received once, changed since");
    }
}
