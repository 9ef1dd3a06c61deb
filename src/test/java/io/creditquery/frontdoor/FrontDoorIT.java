package io.creditquery.frontdoor;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditquery.support.Ndjson;
import io.creditquery.support.RawHttp;
import io.creditquery.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.jwt.build.Jwt;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.creditquery.support.IngestLines.enterprise;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * One front door: every route of the OpenAPI document, spelled every non-canonical way, by every kind of caller,
 * is refused the same way, limited the same way, and leaves exactly one audit event; every refusal made outside
 * RESTEasy leaves one event with its real status; who the caller is cannot be bent by the token's content.
 * Requests are written byte for byte ({@link RawHttp}): HTTP client libraries normalise paths themselves.
 */
@QuarkusTest
class FrontDoorIT {

    private static final String USCC = "91350100M000100Y43";
    private static final String ADMIN = TestTokens.bearer("370000-FGW", "admin ingest:all verify");
    private static final String EVERY_SCOPE = TestTokens.bearer("370000-FGW",
            "admin ingest:all verify watch changes commitment objection:handle repair:handle");

    @Inject
    Pool pool;
    @Inject
    ObjectMapper json;

    @BeforeEach
    void subject() {
        Ndjson.hub("subjects", enterprise(USCC, "福州前门测试有限公司"))
                .statusCode(200);
    }

    /** The API's operations as concrete paths: method and path, ids filled in. */
    private static List<String[]> routes() {
        Map<String, Map<String, Object>> paths = given().queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200).extract().jsonPath().getMap("paths");
        List<String[]> routes = new ArrayList<>();
        paths.forEach((path, methods) -> {
            if (path.startsWith("/api/v1/")) {
                String concrete = path.replace("{code}", USCC).replace("{kind}", "subjects")
                        .replace("{id}", UUID.randomUUID().toString()).replace("{trackingId}", "YY-0000000000000000000Z")
                        .replace("{number}", "CR-0000000000000000000Z");
                methods.keySet().forEach(method -> routes.add(new String[]{method.toUpperCase(), concrete}));
            }
        });
        assertTrue(routes.size() >= 40, "the API's routes in the OpenAPI document, found " + routes.size());
        return routes;
    }

    /** Spellings of {@code path} that Vert.x or RESTEasy route to the same resource, or that change meaning when decoded. */
    static List<String> variants(String path) {
        String rest = path.substring("/api/v1".length());
        return List.of("/" + path, "/api/./v1" + rest, "/x/../api/v1" + rest, "/api/%76%31" + rest,
                "/api%2Fv1" + rest, path + "/", path + ";jsessionid=1", "/api/v1/%2e%2e/v1" + rest,
                "/api/v1/" + rest, "/%61pi/v1" + rest, "/api/v1" + rest.replaceFirst("/", "/%2F"));
    }

    @Test
    void everyRouteSpelledAnyOtherWayIsRefusedAuditedAndLimitedForEveryCaller() throws Exception {
        String partnerKey = key(Map.of("name", "前门矩阵机构", "scopes", List.of("search", "verify", "watch", "changes"),
                "ratePerMinute", 1_000_000)).secret();
        Map<String, Map<String, String>> callers = new LinkedHashMap<>();
        callers.put("anonymous", Map.of("X-Forwarded-For", "198.18.0." + (1 + (int) (Math.random() * 200))));
        callers.put("partner", Map.of("X-API-Key", partnerKey));
        callers.put("department", Map.of("Authorization", TestTokens.bearer("370100-FGW", "verify")));
        callers.put("subject", Map.of("Authorization", "Bearer " + TestTokens.subject(USCC)));
        callers.put("admin", Map.of("Authorization", ADMIN));
        List<String> failures = new ArrayList<>();
        Map<String, String> expected = new HashMap<>();
        long partnerRemaining = Long.MAX_VALUE;
        for (String[] route : routes()) {
            for (String variant : variants(route[1])) {
                for (var caller : callers.entrySet()) {
                    RawHttp.Answer answer = RawHttp.send(route[0], variant, caller.getValue(), null);
                    String label = caller.getKey() + " " + route[0] + " " + variant;
                    if (answer.status() != 400 || !answer.body().contains("/problems/non-canonical-path")
                            || !answer.body().contains("\"field\":\"path\"")) {
                        failures.add(label + ": " + answer.status() + " " + answer.body());
                    }
                    String requestId = answer.header("X-Request-Id");
                    if (requestId == null) {
                        failures.add(label + ": no X-Request-Id");
                        continue;
                    }
                    expected.put(requestId, label);
                    boolean limited = caller.getKey().equals("anonymous") || caller.getKey().equals("partner");
                    if (limited != (answer.header("RateLimit-Remaining") != null)) {
                        failures.add(label + ": RateLimit headers " + (limited ? "missing" : "on an unlimited caller"));
                    }
                    if (caller.getKey().equals("partner") && answer.header("RateLimit-Remaining") != null) {
                        long remaining = Long.parseLong(answer.header("RateLimit-Remaining"));
                        if (remaining >= partnerRemaining && remaining > 0) {
                            failures.add(label + ": did not count against the key (remaining " + remaining + ")");
                        }
                        partnerRemaining = remaining;
                    }
                }
            }
        }
        Map<String, List<Integer>> events = events(expected.keySet());
        expected.forEach((requestId, label) -> {
            if (!List.of(400).equals(events.get(requestId))) {
                failures.add(label + ": audit events " + events.get(requestId) + " (expected one, status 400)");
            }
        });
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + expected.size() + " requests:\n" + String.join("\n",
                    failures.subList(0, Math.min(40, failures.size()))));
        }
    }

    @Test
    void aKeysLimitsAndQuotaCountEverySpellingAndUsageShowsThem() throws Exception {
        Key limited = key(Map.of("name", "五次机构", "scopes", List.of("search"), "ratePerMinute", 5, "dailyQuota", 100));
        Map<String, String> asKey = Map.of("X-API-Key", limited.secret());
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String path = i % 2 == 0 ? "/api/v1/codes/" + USCC : "//api/v1/codes/" + USCC;
            statuses.add(RawHttp.send("GET", path, asKey, null).status());
        }
        assertEquals(List.of(200, 400, 200, 400, 200, 429, 429), statuses);
        assertEquals(List.of(200, 400, 200, 400, 200, 429, 429), statusesOfKey(limited.id()));

        String quota = key(Map.of("name", "配额机构", "scopes", List.of("search"), "dailyQuota", 5)).secret();
        Map<String, String> asQuota = Map.of("X-API-Key", quota);
        for (String path : List.of("/api/v1/codes/" + USCC, "/api/./v1/codes/" + USCC, "/api/v1/codes/" + USCC + "/")) {
            RawHttp.send("GET", path, asQuota, null);
        }
        JsonPath usage = given().header("X-API-Key", quota).get("/api/v1/usage").then().statusCode(200).extract().jsonPath();
        assertEquals(3, usage.getInt("totals.calls"), "every spelling is a call of the key");
        assertEquals(2, usage.getInt("totals.refused"));
        assertEquals(4, usage.getInt("quotaUsedToday"), "the usage request itself counts too");
        RawHttp.send("GET", "/api/v1/codes/" + USCC, asQuota, null);
        RawHttp.Answer over = RawHttp.send("GET", "//api/v1/codes/" + USCC, asQuota, null);
        assertEquals(429, over.status());
        assertTrue(over.body().contains("quota-exhausted"), over.body());
    }

    @Test
    void aSubjectSeesTheLookupsThatWereAnsweredAndNoneThatWereNot() throws Exception {
        String clerk = TestTokens.bearer("370200-CZJ", "verify");
        assertEquals(200, RawHttp.send("GET", "/api/v1/subjects/" + USCC, Map.of("Authorization", clerk), null).status());
        for (String variant : variants("/api/v1/subjects/" + USCC)) {
            assertEquals(400, RawHttp.send("GET", variant, Map.of("Authorization", clerk), null).status(), variant);
        }
        List<Map<String, Object>> lookups = given().header("Authorization", "Bearer " + TestTokens.subject(USCC))
                .queryParam("size", 200).get("/api/v1/me/queries").then().statusCode(200).extract().jsonPath()
                .getList("items");
        long byClerk = lookups.stream().filter(l -> "370200-CZJ".equals(l.get("department"))).count();
        assertTrue(byClerk >= 1, "the answered lookup is shown");
        assertEquals(0, lookups.stream().filter(l -> "370200-CZJ".equals(l.get("department"))
                && !("/api/v1/subjects/" + USCC).equals(l.get("endpoint"))).count(), "refused spellings are no lookups");
    }

    /** Every class of refusal made outside RESTEasy leaves exactly one event, with the status the client got. */
    @Test
    void refusalsOutsideResteasyAreAuditedWithTheirRealStatus() throws Exception {
        String ndjson = "application/x-ndjson";
        Map<String, RawHttp.Answer> answers = new LinkedHashMap<>();
        answers.put("413 declared body over the limit", RawHttp.exchange(("POST /api/v1/ingest/subjects HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\nConnection: close\r\nContent-Type: " + ndjson + "\r\nAuthorization: " + ADMIN
                + "\r\nContent-Length: 40000000\r\n\r\n").getBytes(StandardCharsets.US_ASCII), new byte[0]));
        answers.put("411 chunked body to a JSON endpoint", RawHttp.exchange(("POST /api/v1/verifications HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/json\r\nAuthorization: " + ADMIN
                + "\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n").getBytes(StandardCharsets.US_ASCII), new byte[0]));
        answers.put("414 request target over the limit", RawHttp.send("GET", "/api/v1/search?q=" + "a".repeat(40_000),
                Map.of(), null));
        answers.put("431 headers over the limit", RawHttp.send("GET", "/api/v1/codes/" + USCC,
                Map.of("X-Padding", "p".repeat(30_000)), null));
        answers.put("403 foreign browser origin", RawHttp.send("GET", "/api/v1/codes/" + USCC,
                Map.of("Origin", "https://evil.example"), null));
        answers.put("411 a body of unknown length by any Transfer-Encoding", RawHttp.exchange(("POST /api/v1/receipts/verify"
                + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n").getBytes(StandardCharsets.US_ASCII), new byte[0]));
        answers.put("400 a request target without a leading slash", RawHttp.send("GET", "api/v1/codes/" + USCC, Map.of(), null));
        answers.put("400 a fragment in an absolute-form target", RawHttp.send("GET", "http://127.0.0.1#/api/v1/codes/" + USCC,
                Map.of(), null));
        answers.put("400 no Host header", RawHttp.exchange(("GET /api/v1/codes/" + USCC + " HTTP/1.1\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII), new byte[0]));
        answers.put("404 no route", RawHttp.send("GET", "/api/v1/no-such-route", Map.of(), null));
        answers.put("404 no route, other case", RawHttp.send("GET", "/API/v1/codes/" + USCC, Map.of(), null));
        answers.put("401 unknown scheme", RawHttp.send("GET", "/api/v1/codes/" + USCC,
                Map.of("Authorization", "Basic YWRtaW46YWRtaW4="), null));
        answers.put("401 empty bearer", RawHttp.send("GET", "/api/v1/codes/" + USCC, Map.of("Authorization", "Bearer "), null));
        answers.put("401 a bogus key beside a valid token", RawHttp.send("GET", "/api/v1/codes/" + USCC,
                Map.of("Authorization", ADMIN, "X-API-Key", "cq_bogus"), null));
        answers.put("401 forged token, no content type", RawHttp.send("POST", "/api/v1/verifications",
                Map.of("Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln"), "{}"));
        Map<String, Integer> expectedStatus = new LinkedHashMap<>();
        answers.forEach((label, answer) -> {
            int expected = Integer.parseInt(label.substring(0, 3));
            assertEquals(expected, answer.status(), label + ": " + answer.body());
            if (expected != 403) {
                assertTrue(String.valueOf(answer.header("Content-Type")).startsWith("application/problem+json"),
                        label + ": " + answer.status() + " " + answer.headers() + " " + answer.body());
                assertTrue(answer.body().contains("\"status\":" + expected), label + ": " + answer.body());
            }
            assertNotNull(answer.header("X-Request-Id"), label);
            expectedStatus.put(answer.header("X-Request-Id"), expected);
        });
        // The CORS filter's refusal is recorded when its exchange ends, just after the answer.
        await().atMost(Duration.ofSeconds(10)).until(() -> events(expectedStatus.keySet()).size() == expectedStatus.size());
        Map<String, List<Integer>> events = events(expectedStatus.keySet());
        expectedStatus.forEach((requestId, status) -> assertEquals(List.of(status), events.get(requestId),
                "one event with the real status for " + status));
        // Never answered: the HTTP decoder refuses a backslash or a malformed escape in the request line before any
        // application code runs (a bare 400 and the connection closed; Quarkus offers no hook into that handler).
        for (String target : List.of("/api\\v1/codes/" + USCC, "/api/v1/codes/%zz", "/api/v1/codes/%4", "/api/v1/codes/%")) {
            RawHttp.Answer bare = RawHttp.send("GET", target, Map.of(), null);
            assertEquals(400, bare.status(), target);
        }
    }

    @Test
    void aClientThatGoesAwayMidRequestIsAuditedAs499() throws Exception {
        String marker = "gone-" + UUID.randomUUID();
        try (Socket socket = RawHttp.open()) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/verifications HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Authorization: " + ADMIN + "\r\nX-Request-Id: " + marker + "\r\nContent-Length: 1000\r\n\r\n{\"sce")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(300);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> count("select count(*) from audit_event where client_request_id = $1",
                marker) == 1);
        assertEquals(499, count("select status from audit_event where client_request_id = $1", marker));
    }

    @Test
    void requestIdsAreTheServersOwnAndTheClientsIsKeptBeside() throws Exception {
        String mine = "dup-" + UUID.randomUUID();
        String first = given().header("X-Request-Id", mine).get("/api/v1/codes/" + USCC).then().statusCode(200)
                .extract().header("X-Request-Id");
        String second = given().header("X-Request-Id", mine).get("/api/v1/codes/" + USCC).then().statusCode(200)
                .extract().header("X-Request-Id");
        assertNotEquals(first, second);
        assertNotEquals(mine, first);
        assertEquals(2, count("select count(*) from audit_event where client_request_id = $1", mine));
        assertEquals(1, count("select count(*) from audit_event where request_id = $1 and client_request_id = $2", first, mine));
    }

    /** Nothing in a token makes it a subject login or a partner except what is meant to, compared exactly. */
    @Test
    void whoTheCallerIsCannotBeBentByATokensContent() throws Exception {
        String keyPrincipal = "apikey:" + key(Map.of("name", "冒充目标机构", "scopes", List.of("verify", "watch"))).id();
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("sub in the partner namespace", jwt(keyPrincipal, null, "verify watch", null));
        refused.put("a subject's code as sub, no login claim", jwt(USCC, null, "", null));
        refused.put("an admin token with a subject's code as sub and no dept", jwt(USCC, null, "admin", "subject"));
        refused.put("subject login, lowercase sub", jwt(USCC.toLowerCase(), null, "", "subject"));
        refused.put("subject login, padded sub", jwt(" " + USCC, null, "", "subject"));
        refused.put("subject login with a dept", jwt(USCC, "370100-SCJ", "", "subject"));
        refused.put("subject login with scopes", jwt(USCC, null, "verify", "subject"));
        refused.put("another login type", jwt(USCC, null, "", "SUBJECT"));
        refused.put("no dept, no login, no admin", jwt("ops-1", null, "ingest", null));
        refused.put("a malformed dept", jwt("clerk", "370100-scj ", "verify", null));
        refused.put("a sub that is a partner's behind a space", jwt(" " + keyPrincipal, "370100-SCJ", "verify", null));
        refused.put("a sub that is a partner's behind an invisible character", jwt("\u200b" + keyPrincipal, "370100-SCJ",
                "verify", null));
        for (var token : refused.entrySet()) {
            for (String[] request : List.of(new String[]{"GET", "/api/v1/me"}, new String[]{"GET", "/api/v1/codes/" + USCC},
                    new String[]{"POST", "/api/v1/verifications"})) {
                RawHttp.Answer answer = RawHttp.send(request[0], request[1], Map.of("Authorization", "Bearer " + token.getValue()),
                        request[0].equals("POST") ? "{}" : null);
                assertEquals(401, answer.status(), token.getKey() + " on " + request[1] + ": " + answer.body());
                assertTrue(answer.body().contains("\"field\":\"Authorization\""), answer.body());
            }
        }
        // An admin token without a department is platform ops: it is not the subject, and it checks nothing as a department.
        String ops = "Bearer " + jwt(USCC, null, "admin verify", null);
        given().header("Authorization", ops).get("/api/v1/me").then().statusCode(403);
        given().header("Authorization", ops).contentType("application/json")
                .body("{\"scenario\":\"TENDERING\",\"codes\":[\"" + USCC + "\"]}").post("/api/v1/verifications")
                .then().statusCode(403).body("detail", org.hamcrest.Matchers.containsString("department"));
        // Roles are the scope claim only: a groups claim makes nobody an admin.
        String grouped = Jwt.issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE).subject("g2").claim("dept", "370100-SCJ")
                .groups(java.util.Set.of("admin")).expiresIn(600).sign();
        given().header("Authorization", "Bearer " + grouped).get("/api/v1/admin/api-keys").then().statusCode(403);
        // The real subject login reads its own record.
        given().header("Authorization", "Bearer " + TestTokens.subject(USCC)).get("/api/v1/me").then().statusCode(200);
    }

    /** Every endpoint refuses a parameter it does not declare, whoever asks. */
    @Test
    void everyEndpointRefusesParametersItDoesNotTake() {
        List<String> failures = new ArrayList<>();
        for (String[] route : routes()) {
            String auth = route[1].startsWith("/api/v1/me") ? "Bearer " + TestTokens.subject(USCC) : EVERY_SCOPE;
            RawHttp.Answer answer = RawHttp.send(route[0], route[1] + "?zzUnknown=1", Map.of("Authorization", auth), null);
            if (answer.status() != 400 || !answer.body().contains("\"field\":\"zzUnknown\"")) {
                failures.add(route[0] + " " + route[1] + ": " + answer.status() + " " + answer.body());
            }
        }
        assertEquals(List.of(), failures);
    }

    private static String jwt(String sub, String dept, String scopes, String login) {
        var builder = Jwt.issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE).subject(sub).claim("scope", scopes);
        if (dept != null) {
            builder.claim("dept", dept);
        }
        if (login != null) {
            builder.claim("cq_login", login);
        }
        return builder.expiresIn(600).sign();
    }

    private record Key(String id, String secret) {
    }

    private static Key key(Map<String, Object> request) {
        JsonPath issued = given().header("Authorization", ADMIN).contentType("application/json").body(request)
                .post("/api/v1/admin/api-keys").then().statusCode(201).extract().jsonPath();
        return new Key(issued.getString("client.id"), issued.getString("key"));
    }

    private List<Integer> statusesOfKey(String keyId) {
        List<Integer> statuses = new ArrayList<>();
        for (Row row : pool.preparedQuery("select status from audit_event where api_key_id = $1 order by seq")
                .execute(Tuple.of(keyId)).await().indefinitely()) {
            statuses.add(row.getInteger(0));
        }
        return statuses;
    }

    private Map<String, List<Integer>> events(java.util.Collection<String> requestIds) {
        Map<String, List<Integer>> events = new HashMap<>();
        for (Row row : pool.preparedQuery("select request_id, status from audit_event where request_id = any($1)")
                .execute(Tuple.of(requestIds.toArray(new String[0]))).await().indefinitely()) {
            events.computeIfAbsent(row.getString(0), id -> new ArrayList<>()).add(row.getInteger(1));
        }
        return events;
    }

    private long count(String sql, Object... params) {
        Row row = pool.preparedQuery(sql).execute(Tuple.from(params)).await().indefinitely().iterator().next();
        return row.getLong(0);
    }
}
