package io.creditquery.portal;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

/**
 * The portal page is served at /, with a strict content security policy, and talks to the public API only — and,
 * for its usage-statistics page with an administrator's token, to {@code /api/v1/admin/statistics} and nothing else
 * under /api/v1/admin. Its one library, uPlot, comes from the service itself.
 */
@QuarkusTest
class PortalPageIT {

    @Test
    void servesThePortalPage() {
        given().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .body(containsString("一站式查询"))
                .body(containsString("/portal.js"));
        given().get("/portal.js").then().statusCode(200)
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .body(containsString("/api/v1/suggest"))
                .body(containsString("/api/v1/objections"))
                .body(containsString("/api/v1/admin/statistics"))
                .body(not(matchesPattern("(?s).*/api/v1/admin/(?!statistics\\b).*")))
                .body(not(containsString("/api/v1/ingest")));
        given().get("/webjars/uplot/1.6.30/dist/uPlot.iife.min.js").then().statusCode(200)
                .contentType(containsString("javascript"));
    }
}
