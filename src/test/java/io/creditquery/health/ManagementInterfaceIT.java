package io.creditquery.health;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Metrics and health are served on the management interface only; the API port keeps the OpenAPI document. */
@QuarkusTest
class ManagementInterfaceIT {

    private static String management(String path) {
        int port = ConfigProvider.getConfig().getOptionalValue("quarkus.management.test-port", Integer.class).orElse(9001);
        return "http://127.0.0.1:" + port + path;
    }

    @Test
    void metricsAndHealthAreNotOnTheApiPort() {
        for (String path : new String[]{"/q/metrics", "/q/health", "/q/health/ready", "/q/health/live"}) {
            given().get(path).then().statusCode(404);
        }
        given().get("/q/openapi").then().statusCode(200);
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void theManagementInterfaceServesThem() {
        given().get(management("/q/health/live")).then().statusCode(200).body("status", equalTo("UP"));
        given().get(management("/q/metrics")).then().statusCode(200).body(containsString("http_server_requests"));
    }
}
