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
    private static final java.util.regex.Pattern CHINESE = java.util.regex.Pattern.compile("\\p{IsHan}");
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
        Set<String> untranslated = new TreeSet<>();
        int answers = 0;
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
            } else if (response.statusCode() >= 400) {
                String chinese = inChinese(entry, response, untranslated);
                if (chinese != null) {
                    failures.add(label + " (zh-CN): " + chinese);
                }
                answers++;
            }
            String after = fingerprint();
            if (!before.equals(after)) {
                failures.add(label + ": stores changed: " + before + " -> " + after);
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + corpus.size() + " cases failed:\n" + String.join("\n", failures));
        }
        assertEquals(Set.of(), untranslated, "reasons without a Chinese form, of the refusals of " + answers + " cases");
    }

    /**
     * The same refusal asked for in Chinese: same status, type and fields; title, detail and every reason in
     * Chinese ({@code untranslated} collects the English reasons no pattern knows). Null if that holds.
     */
    private String inChinese(JsonNode entry, Response english, Set<String> untranslated) throws IOException {
        Response response = send(entry, "zh-CN,zh;q=0.9,en;q=0.8");
        JsonNode en = json.readTree(english.asString());
        JsonNode zh = json.readTree(response.asString());
        if (response.statusCode() != english.statusCode() || !en.path("type").equals(zh.path("type"))) {
            return "status or type differ from the English answer: " + abbreviated(response.asString());
        }
        if (!"zh-CN".equals(response.header("Content-Language")) || !CHINESE.matcher(zh.path("title").asText()).find()) {
            return "not answered in Chinese: " + response.header("Content-Language") + " " + abbreviated(response.asString());
        }
        if (en.path("errors").size() != zh.path("errors").size()) {
            return "errors differ from the English answer: " + abbreviated(response.asString());
        }
        for (int i = 0; i < en.path("errors").size(); i++) {
            JsonNode enError = en.path("errors").get(i);
            JsonNode zhError = zh.path("errors").get(i);
            if (!enError.path("field").equals(zhError.path("field"))) {
                return "field names differ: " + enError.path("field") + " vs " + zhError.path("field");
            }
            if (enError.path("reason").asText().equals(zhError.path("reason").asText())) {
                untranslated.add(enError.path("reason").asText());
            }
        }
        if (en.path("detail").asText().equals(zh.path("detail").asText()) && !en.path("detail").asText().isEmpty()) {
            untranslated.add(en.path("detail").asText());
        }
        return null;
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
        return send(entry, null);
    }

    private Response send(JsonNode entry, String acceptLanguage) {
        RequestSpecification request = given().urlEncodingEnabled(false);
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
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
