package io.creditquery.common;

import io.creditquery.demo.DemoDataGenerator;
import io.creditquery.support.TestStores;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every refusal is application/problem+json naming what was wrong, framework refusals included; each is audited. */
@QuarkusTest
class ProblemResponsesIT {

    @Inject
    TestStores stores;

    @Test
    void unknownRoute() {
        given().get("/api/v1/nothing-here").then().statusCode(404).contentType(Problem.MEDIA_TYPE)
                .body("detail", equalTo("no resource at /api/v1/nothing-here"));
        given().get("/nothing").then().statusCode(404).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void apiAnswersCarrySecurityHeadersAndNoVersions() {
        given().get("/api/v1/codes/91350100M000100Y43").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
                .header("Server", org.hamcrest.Matchers.nullValue());
        given().header("Origin", "https://evil.example").get("/api/v1/codes/91350100M000100Y43").then()
                .header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void wrongMethod() {
        given().delete("/api/v1/codes/91350100M000100Y43").then().statusCode(405).contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString("DELETE"));
    }

    @Test
    void wrongContentType() {
        given().contentType("text/csv").body("a,b").post("/api/v1/ingest/subjects").then()
                .statusCode(415).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void invalidAndUnknownCodes() {
        given().get("/api/v1/subjects/91350100M000100Y44").then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors[0].field", equalTo("code"))
                .body("errors[0].reason", equalTo("check character (position 18) should be 3, not 4"));
        String neverIngested = DemoDataGenerator.uscc(99_999_999L, "ENTERPRISE", "440300");
        given().get("/api/v1/subjects/" + neverIngested).then().statusCode(404).contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString(neverIngested));
        given().get("/api/v1/codes/91350100M000100Y43?kind=PASSPORT").then().statusCode(400)
                .body("errors[0].field", equalTo("kind"));
    }

    @Test
    void codeValidationSaysWhatIsWrong() {
        given().get("/api/v1/codes/9135010IM000100Y43").then().statusCode(200)
                .body("valid", equalTo(false)).body("kind", equalTo("USCC"))
                .body("errors[0]", containsString("character 8 'I' is not allowed"));
    }

    @Test
    void everyApiRequestLeavesOneAuditEvent() {
        String marker = "91350100M000100Y4" + "3";
        long before = stores.count("select count(*) from audit_event where endpoint = $1", "/api/v1/codes/" + marker);
        given().get("/api/v1/codes/" + marker).then().statusCode(200);
        given().delete("/api/v1/codes/" + marker).then().statusCode(405);
        assertEquals(before + 2, stores.count("select count(*) from audit_event where endpoint = $1", "/api/v1/codes/" + marker));
        assertEquals(1, stores.count("select count(*) from audit_event where endpoint = $1 and query->>'code' = $2"
                + " and status = 200 and seq = (select max(seq) from audit_event where endpoint = $1 and status = 200)",
                "/api/v1/codes/" + marker, marker));
    }
}
