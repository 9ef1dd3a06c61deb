package io.creditquery.support;

import io.creditquery.ingest.IngestResource;
import io.restassured.response.ValidatableResponse;

import java.util.List;

import static io.restassured.RestAssured.given;

/** Posts NDJSON to the ingest API as a department with the given scopes. */
public final class Ndjson {

    private Ndjson() {
    }

    public static ValidatableResponse post(String kind, String dept, String scopes, List<String> lines) {
        return given().header("Authorization", TestTokens.bearer(dept, scopes))
                .contentType(IngestResource.NDJSON)
                .body(String.join("\n", lines).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/api/v1/ingest/" + kind)
                .then().log().ifValidationFails();
    }

    /** The fixtures' lines, written by Jackson. */
    public static ValidatableResponse post(String kind, String dept, String scopes, IngestLines.Line... lines) {
        return post(kind, dept, scopes, IngestLines.lines(lines));
    }

    /** As the data-exchange hub, which files for every department. */
    public static ValidatableResponse hub(String kind, List<String> lines) {
        return post(kind, "370000-FGW", "ingest:all", lines);
    }

    /** The fixtures' lines, written by Jackson, as the data-exchange hub. */
    public static ValidatableResponse hub(String kind, IngestLines.Line... lines) {
        return hub(kind, IngestLines.lines(lines));
    }
}
