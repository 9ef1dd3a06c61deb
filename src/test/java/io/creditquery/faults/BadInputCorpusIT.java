package io.creditquery.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditquery.common.Problem;
import io.creditquery.support.Ndjson;
import io.creditquery.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.creditquery.support.IngestLines.enterprise;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Drives every API route with the hostile requests of {@code bad-input/corpus.json}: each gets the documented
 * status and, for refusals, a problem+json body naming the field, with nothing of the server's insides in it;
 * the credit data, keys and stored checks are unchanged afterwards.
 */
@QuarkusTest
class BadInputCorpusIT {

    private static final String VALID_CODE = "91350100M000100Y43";
    /** Tables a rejected request must leave as they were (the audit log grows by design: refusals are audited). */
    private static final List<String> GUARDED_TABLES = List.of("subject", "credit_record", "list_entry", "api_client",
            "verification", "objection", "repair", "commitment", "credit_report", "watchlist", "watch_subject",
            "verification_job", "webhook_delivery");
    private static final List<String> LEAKS = List.of("Exception", "\tat ", "io.creditquery", "java.", "com.fasterxml",
            "Quarkus", "Vert.x", "vertx", "<html", "<HTML");

    @Inject
    Pool pool;
    @Inject
    ObjectMapper json;

    @Test
    void everyHostileRequestIsRefusedClearlyAndChangesNothing() throws IOException {
        // Cases for an existing subject (cursors, record filters) need it to exist; other test classes may reset the stores.
        Ndjson.hub("subjects", enterprise(VALID_CODE, "福州恶意输入测试有限公司")).statusCode(200);
        JsonNode corpus = corpus();
        List<String> failures = new ArrayList<>();
        for (JsonNode entry : corpus) {
            String label = entry.path("route").asText() + " — " + entry.path("why").asText();
            String before = fingerprint();
            Response response;
            try {
                response = send(entry);
            } catch (RuntimeException e) {
                failures.add(label + ": request failed: " + e);
                continue;
            }
            String problem = check(entry, response);
            if (problem != null) {
                failures.add(label + ": " + problem);
            }
            String after = fingerprint();
            if (!before.equals(after)) {
                failures.add(label + ": stores changed: " + before + " -> " + after);
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + corpus.size() + " cases failed:\n" + String.join("\n", failures));
        }
    }

    /** A new route without hostile cases fails here; so does a case for a route that no longer exists. */
    @Test
    void corpusCoversEveryRoute() throws IOException {
        Map<String, Map<String, Object>> paths = given().queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200).extract().jsonPath().getMap("paths");
        Set<String> routes = new TreeSet<>();
        paths.forEach((path, operations) -> {
            if (path.startsWith("/api/v1/")) {
                operations.keySet().forEach(method -> routes.add(method.toUpperCase() + " " + path));
            }
        });
        Set<String> covered = new TreeSet<>();
        corpus().forEach(entry -> covered.add(entry.path("route").asText()));
        Set<String> uncovered = new TreeSet<>(routes);
        uncovered.removeAll(covered);
        Set<String> stale = new TreeSet<>(covered);
        stale.removeAll(routes);
        assertEquals(Set.of(), uncovered, "routes without hostile cases");
        assertEquals(Set.of(), stale, "cases for routes that do not exist");
    }

    private JsonNode corpus() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/bad-input/corpus.json")) {
            return json.readTree(in);
        }
    }

    private Response send(JsonNode entry) {
        RequestSpecification request = given().urlEncodingEnabled(false);
        String auth = authorization(entry.path("auth").asText("none"));
        if (auth != null) {
            request.header("Authorization", auth);
        }
        byte[] body = body(entry);
        if (body != null) {
            request.contentType(entry.path("contentType").asText()).body(body);
        }
        return request.request(entry.path("route").asText().split(" ")[0], entry.path("path").asText());
    }

    private static String authorization(String who) {
        return switch (who) {
            case "none" -> null;
            case "garbage" -> "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJyb290In0.";
            case "admin" -> TestTokens.bearer("370000-FGW", "admin");
            case "ingest" -> TestTokens.bearer("370000-FGW", "ingest:all");
            case "verify" -> TestTokens.bearer("370000-FGW", "verify");
            case "department" -> TestTokens.bearer("370200-SCJ", "ingest verify");
            case "subject" -> "Bearer " + TestTokens.subject(VALID_CODE);
            case "handler" -> TestTokens.bearer("370000-FGW", "objection:handle repair:handle commitment watch changes");
            default -> throw new IllegalArgumentException("unknown caller " + who);
        };
    }

    private static byte[] body(JsonNode entry) {
        if (entry.has("bodyBase64")) {
            return Base64.getDecoder().decode(entry.get("bodyBase64").asText());
        }
        if (entry.has("generate")) {
            return generated(entry.get("generate").asText()).getBytes(StandardCharsets.UTF_8);
        }
        return entry.has("body") ? entry.get("body").asText().getBytes(StandardCharsets.UTF_8) : null;
    }

    private static String generated(String kind) {
        String line = "{\"type\":\"ENTERPRISE\",\"code\":\"" + VALID_CODE + "\",\"name\":\"福州恶意输入测试有限公司\"}\n";
        return switch (kind) {
            case "deep-array" -> "[".repeat(100_000) + "]".repeat(100_000);
            case "deep-array-in-field" -> "{\"scenario\":\"TENDERING\",\"codes\":" + "[".repeat(3_000) + "]".repeat(3_000) + "}";
            case "1001-codes" -> "{\"scenario\":\"TENDERING\",\"codes\":["
                    + String.join(",", Collections.nCopies(1001, "\"" + VALID_CODE + "\"")) + "]}";
            case "33MB" -> "a".repeat(33 * 1024 * 1024);
            case "10001-lines" -> line.repeat(10_001);
            case "1001-form-fields" -> "--XyZ\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nx\r\n".repeat(1001)
                    + "--XyZ--\r\n";
            default -> throw new IllegalArgumentException("unknown generator " + kind);
        };
    }

    /** What is wrong with the answer, or null. */
    private String check(JsonNode entry, Response response) throws IOException {
        int expected = entry.path("status").asInt();
        String text = response.asString();
        if (response.statusCode() != expected) {
            return "status " + response.statusCode() + ", expected " + expected + ": " + abbreviated(text);
        }
        for (String leak : LEAKS) {
            if (text.contains(leak)) {
                return "answer reveals '" + leak + "': " + abbreviated(text);
            }
        }
        if (response.header("Server") != null) {
            return "answer names the server: " + response.header("Server");
        }
        JsonNode answer = json.readTree(text);
        if (expected < 400) {
            var expectations = entry.path("expect").fields();
            while (expectations.hasNext()) {
                var expectation = expectations.next();
                if (!expectation.getValue().equals(answer.path(expectation.getKey()))) {
                    return expectation.getKey() + " is " + answer.path(expectation.getKey()) + ", expected "
                            + expectation.getValue();
                }
            }
            return null;
        }
        if (!String.valueOf(response.contentType()).startsWith(Problem.MEDIA_TYPE)) {
            return "content type " + response.contentType() + " instead of " + Problem.MEDIA_TYPE;
        }
        if (answer.path("status").asInt() != expected || answer.path("title").asText().isBlank()
                || answer.path("detail").asText().isBlank()) {
            return "not a complete problem (status, title, detail): " + abbreviated(text);
        }
        if (entry.has("field")) {
            String field = entry.get("field").asText();
            boolean named = false;
            for (JsonNode error : answer.path("errors")) {
                named |= error.path("field").asText().startsWith(field) && !error.path("reason").asText().isBlank();
            }
            if (!named) {
                return "no error names field '" + field + "' with a reason: " + abbreviated(text);
            }
        }
        return null;
    }

    /** Row counts and newest row versions of the guarded tables, and the outbox sequence (the indexer empties the outbox). */
    private String fingerprint() {
        StringBuilder sql = new StringBuilder("select concat_ws('|'");
        for (String table : GUARDED_TABLES) {
            sql.append(", (select count(*) || ':' || coalesce(max(xmin::text::bigint), 0) from ").append(table).append(")");
        }
        sql.append(", (select last_value from search_outbox_id_seq))");
        return pool.query(sql.toString()).execute().await().indefinitely().iterator().next().getString(0);
    }

    private static String abbreviated(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
