package io.creditquery.portal;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/** The portal page is served at / and talks to the public API only. */
@QuarkusTest
class PortalPageIT {

    @Test
    void servesThePortalPage() {
        given().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .header("X-Content-Type-Options", "nosniff")
                .body(containsString("一站式查询"))
                .body(containsString("/api/v1/suggest"))
                .body(not(containsString("/api/v1/admin")));
    }
}
