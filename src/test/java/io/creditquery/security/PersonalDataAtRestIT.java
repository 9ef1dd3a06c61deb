package io.creditquery.security;

import io.creditquery.support.Ndjson;
import io.creditquery.support.TestStores;
import io.creditquery.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.creditquery.support.IngestLines.listing;
import static io.creditquery.support.IngestLines.person;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A scripted run of everything that takes a citizen ID — ingest, profile and search lookups, credit checks by a
 * department and a partner key, a verification job with valid and mistyped IDs, a watchlist, a 双公示 template upload
 * whose refused rows hold IDs — then every text and JSON column of every table, and the service's log, are searched
 * for those IDs: none may be there in clear.
 */
@QuarkusTest
class PersonalDataAtRestIT {

    private static final String PERSON = "37010219850715231X";
    private static final String LISTED = "370203197203084028";
    /** Mistyped (wrong check character): still someone's ID, never a subject's. */
    private static final String MISTYPED = "370304199001011230";
    /** In the template fixture: a legal representative and a natural person penalised. */
    private static final List<String> IN_FIXTURE = List.of("370102198001011237", "370112198512030029");
    private static final String HUB = TestTokens.bearer("370000-FGW", "admin");
    private static final String CLERK = TestTokens.bearer("370100-RSJ", "verify watch");

    @Inject
    TestStores stores;
    @Inject
    Pool pool;

    @Test
    void noCitizenIdInClearAnywhereAfterARunOfRequestsNamingThem() throws Exception {
        stores.reset();
        Ndjson.hub("subjects", person(PERSON, "王隐名"), person(LISTED, "李公示")).statusCode(200);
        Ndjson.hub("list-entries", listing(LISTED, "JUDGMENT_DEFAULTER", "（2025）鲁02执9号").withAuthority("370200-ZY")
                .withBasis("拒不履行生效判决").withListedOn("2025-03-01")).statusCode(200);
        String partnerKey = TestTokens.apiKey("静态数据测试机构", "verify", "watch");
        List<String> codes = List.of(PERSON, LISTED, MISTYPED, PERSON.toLowerCase(Locale.ROOT), "3702 0319 7203 0840 28");

        for (String path : List.of("/api/v1/subjects/" + PERSON, "/api/v1/subjects/" + LISTED + "/records",
                "/api/v1/search?q=" + LISTED, "/api/v1/suggest?q=" + MISTYPED, "/api/v1/codes/" + MISTYPED)) {
            given().get(path);
            given().header("X-API-Key", partnerKey).get(path);
        }
        given().header("X-API-Key", partnerKey).contentType("application/json")
                .body(Map.of("scenario", "TENDERING", "codes", codes, "purpose", "静态数据检查"))
                .post("/api/v1/verifications").then().statusCode(200);
        JsonPath checked = given().header("Authorization", CLERK).contentType("application/json")
                .body(Map.of("scenario", "TENDERING", "codes", codes, "purpose", "静态数据检查"))
                .post("/api/v1/verifications").then().statusCode(200).extract().jsonPath();
        String job = given().header("Authorization", CLERK).contentType("application/json")
                .body(Map.of("scenario", "TENDERING", "codes", codes)).post("/api/v1/verification-jobs")
                .then().statusCode(201).extract().jsonPath().getString("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> "DONE".equals(given().header("Authorization", CLERK)
                .get("/api/v1/verification-jobs/" + job).then().extract().path("status")));
        List<JsonPath> results = given().header("Authorization", CLERK).get("/api/v1/verification-jobs/" + job + "/results")
                .then().statusCode(200).extract().asString().lines().map(JsonPath::from).toList();
        assertEquals("FOUND", results.get(0).getString("status"), "the department's job still finds the person");
        assertEquals("3701**********231X", results.get(0).getString("input"));
        assertEquals("INVALID", results.get(2).getString("status"));
        assertEquals("3703**********1230", results.get(2).getString("input"), "a mistyped ID is answered masked");
        assertEquals(0, results.get(3).getInt("duplicateOf"), "the same person in lower case is a repeat");
        for (int i = 0; i < codes.size(); i++) {
            assertEquals(checked.getString("items[" + i + "].status"), results.get(i).getString("status"), "code " + i);
            assertEquals(checked.getString("items[" + i + "].reason"), results.get(i).getString("reason"),
                    "a sealed code is answered as the same code checked at once (" + i + ")");
        }
        given().header("Authorization", CLERK).contentType("application/json")
                .body(Map.of("name", "关注名单", "codes", List.of(PERSON, MISTYPED))).post("/api/v1/watchlists");
        given().header("X-API-Key", partnerKey).contentType("application/json")
                .body(Map.of("name", "关注名单", "codes", List.of(PERSON, LISTED))).post("/api/v1/watchlists");
        given().header("Authorization", TestTokens.bearer("370112-SCJ", "ingest"))
                .multiPart("file", "处罚.csv", fixture("penalty-gb18030.csv")).post("/api/v1/ingest/files")
                .then().statusCode(201);

        List<String> ids = new ArrayList<>(List.of(PERSON, LISTED, MISTYPED));
        ids.addAll(IN_FIXTURE);
        List<String> found = new ArrayList<>();
        for (Row column : pool.query("""
                select c.table_name, c.column_name from information_schema.columns c
                join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
                  and c.data_type in ('text', 'character', 'character varying', 'json', 'jsonb')
                  and has_table_privilege(c.table_schema || '.' || c.table_name, 'select')
                order by 1, 2""").execute().await().indefinitely()) {
            String table = column.getString(0);
            String name = column.getString(1);
            for (String id : ids) {
                long rows = stores.count("select count(*) from " + table + " where upper(regexp_replace(\"" + name
                        + "\"::text, '[\\s-]', '', 'g')) like '%' || $1 || '%'", id.toUpperCase(Locale.ROOT));
                if (rows > 0) {
                    found.add(table + "." + name + " holds " + PersonalIds.mask(id) + " in clear (" + rows + " rows)");
                }
            }
        }
        assertEquals(List.of(), found);
        assertTrue(stores.count("select count(*) from verification_job_item where subject_key is not null") >= 2,
                "valid IDs of the job are kept as their keyed hash");

        Path log = Path.of("target/quarkus-test.log");
        assertTrue(Files.exists(log), "the test profile writes the service log to " + log);
        String text = Files.readString(log, StandardCharsets.UTF_8).replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        for (String id : ids) {
            assertTrue(!text.contains(id.toUpperCase(Locale.ROOT)), "the service log holds " + PersonalIds.mask(id) + " in clear");
        }
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = PersonalDataAtRestIT.class.getResourceAsStream("/publicity/" + name)) {
            return in.readAllBytes();
        }
    }
}
