package io.creditquery.search;

import io.creditquery.common.Problem;
import io.creditquery.security.PersonalIds;
import io.creditquery.support.IngestLines;
import io.creditquery.support.Ndjson;
import io.creditquery.support.TestStores;
import io.creditquery.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.creditquery.support.IngestLines.enterprise;
import static io.creditquery.support.IngestLines.listing;
import static io.creditquery.support.IngestLines.person;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

@QuarkusTest
class SearchIT {

    private static final String HUAXIN_JINAN = "91370100M000100Y4" + "X";
    private static final String PERSON_LISTED = "11010519491231002X";
    private static final String PERSON_UNLISTED = "110101199003074477";
    private static final IngestLines.ListEntry PERSON_LISTED_ENTRY = listing(PERSON_LISTED, "JUDGMENT_DEFAULTER",
            "（2025）鲁01执9号").withAuthority("370100-ZY").withBasis("失信被执行人名单规定").withListedOn("2025-01-02");

    @Inject
    TestStores stores;

    @Inject
    PersonalIds personalIds;

    private final List<String> codes = new ArrayList<>();

    @BeforeEach
    void load() {
        codes.clear();
        codes.addAll(loadFixture(stores));
    }

    /**
     * Six organisations (five named 华信, in three regions) and two persons, one of them on a public list; indexed
     * (the other person never is).
     */
    static List<String> loadFixture(TestStores stores) {
        stores.reset();
        List<String> codes = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        String[][] subjects = {
                {"370100", "济南华信建材有限公司", "ENTERPRISE", "F5165"},
                {"370200", "青岛华信建材有限公司", "ENTERPRISE", "F5165"},
                {"370100", "济南华信餐饮管理有限公司", "ENTERPRISE", "H6210"},
                {"370100", "济南市历下区华信建材店", "INDIVIDUAL_BUSINESS", "F5165"},
                {"370300", "淄博恒通化工股份有限公司", "ENTERPRISE", "C2669"},
                {"370100", "济南市建材行业协会", "SOCIAL_ORGANISATION", "S9521"},
        };
        for (int i = 0; i < subjects.length; i++) {
            String code = io.creditquery.demo.DemoDataGenerator.uscc(90_000_000L + i,
                    subjects[i][2], subjects[i][0]);
            codes.add(code);
            lines.add(IngestLines.subject(subjects[i][2], code, subjects[i][1]).withLegalRepresentative("王" + i)
                    .withRegionCode(subjects[i][0]).withIndustryCode(subjects[i][3]).line());
        }
        lines.add(person(PERSON_LISTED, "张华信").line());
        lines.add(person(PERSON_UNLISTED, "李华信").line());
        Ndjson.hub("subjects", lines).statusCode(200).body("accepted", equalTo(8));
        Ndjson.hub("list-entries",
                listing(codes.get(1), "ABNORMAL_OPERATION", "异〔2025〕1号").withBasis("未报送年报"),
                PERSON_LISTED_ENTRY)
                .statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> stores.indexedCount() == 7);
        return codes;
    }

    private static JsonPath search(String q, Object... params) {
        var request = given().queryParam("q", q);
        for (int i = 0; i < params.length; i += 2) {
            request.queryParam((String) params[i], params[i + 1]);
        }
        return request.get("/api/v1/search").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void regionDisambiguatesTheSameTradeName() {
        assertEquals(codes.get(0), search("济南华信建材").getString("items[0].code"));
        assertEquals(codes.get(1), search("青岛华信建材").getString("items[0].code"));
        assertEquals(codes.get(4), search("hengtong huagong").getString("items[0].code"));
        assertEquals(codes.get(4), search("zbhthg").getString("items[0].code"));
        assertEquals(codes.get(2), search(codes.get(2)).getString("items[0].code"));
    }

    @Test
    void filtersAndFacets() {
        JsonPath all = search("华信");
        assertEquals(5, all.getInt("total"), "4 organisations + the listed person");
        given().queryParam("q", "华信").get("/api/v1/search").then()
                .body("facets.subjectType.value", hasItem("ENTERPRISE"))
                .body("facets.subjectType.find { it.value == 'ENTERPRISE' }.count", equalTo(3))
                .body("facetsCounted", equalTo(5))
                .body("facets.region.value", containsInAnyOrder("3701", "3702", "1101"))
                .body("facets.list.value", containsInAnyOrder("ABNORMAL_OPERATION", "JUDGMENT_DEFAULTER"))
                .body("items[0].highlight", containsString("<em>"));
        assertEquals(List.of(codes.get(3)), search("华信", "type", "INDIVIDUAL_BUSINESS").getList("items.code"));
        assertEquals(List.of(codes.get(1)), search("华信", "region", "3702").getList("items.code"));
        assertEquals(List.of(codes.get(1)), search("华信", "list", "ABNORMAL_OPERATION").getList("items.code"));
        assertEquals(2, search("华信", "industry", "F51", "type", "ENTERPRISE").getInt("total"));
    }

    @Test
    void naturalPersonsOnlyWhenALawMandatedListNamesThem() {
        JsonPath result = search("华信");
        List<String> found = result.getList("items.code");
        assertEquals(true, found.contains("1101**********002X"), found.toString());
        for (String code : found) {
            assertEquals(false, code.equals(PERSON_LISTED) || code.equals(PERSON_UNLISTED), "clear ID leaked: " + code);
        }
        given().queryParam("q", "李华信").get("/api/v1/search").then().statusCode(200)
                .body("items.name", not(hasItem("李华信")));
    }

    @Test
    void hiddenPersonsAreNotInTheIndexAtAll() {
        String listed = personalIds.subjectKey(PERSON_LISTED);
        assertNull(stores.indexed(personalIds.subjectKey(PERSON_UNLISTED)), "a person on no public list");
        assertEquals("张华信", stores.indexed(listed).get("name"));
        consistency().body("consistent", equalTo(true)).body("exposed", empty()).body("subjectsInDatabase", equalTo(7));

        Ndjson.hub("list-entries", PERSON_LISTED_ENTRY.withExit("2025-06-01", "履行完毕"))
                .statusCode(200).body("changedSubjects", equalTo(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> stores.indexed(listed) == null);
        assertEquals(6, stores.indexedCount(), "the person's last public list ended: the document is deleted");
        consistency().body("consistent", equalTo(true)).body("subjectsInDatabase", equalTo(6));
        given().queryParam("q", "张华信").get("/api/v1/search").then().statusCode(200).body("items.name", not(hasItem("张华信")));
    }

    private static io.restassured.response.ValidatableResponse consistency() {
        return given().header("Authorization", TestTokens.bearer("370000-ADMIN", "admin"))
                .queryParam("sample", 100).get("/api/v1/admin/consistency").then().statusCode(200);
    }

    @Test
    void cursorPagingVisitsEveryResultOnce() {
        int total = search("华信").getInt("total");
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonPath page = cursor == null ? search("华信", "size", 2) : search("华信", "size", 2, "cursor", cursor);
            List<String> items = page.getList("items.code");
            items.forEach(code -> assertEquals(true, seen.add(code), "seen twice: " + code));
            cursor = page.getString("nextCursor");
            pages++;
            if (pages > 1) {
                assertNull(page.get("facets"), "facets only on the first page");
            }
        } while (cursor != null && pages < 10);
        assertEquals(total, seen.size());
    }

    @Test
    void forgedOrForeignCursorsAreRefused() {
        String cursor = search("华信", "size", 2).getString("nextCursor");
        given().queryParam("q", "建材").queryParam("size", 2).queryParam("cursor", cursor).get("/api/v1/search")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("errors[0].field", equalTo("cursor"));
        String forged = cursor.substring(0, cursor.length() - 2) + (cursor.endsWith("A") ? "BB" : "AA");
        given().queryParam("q", "华信").queryParam("size", 2).queryParam("cursor", forged).get("/api/v1/search")
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        given().queryParam("q", "华信").queryParam("cursor", "not-a-cursor").get("/api/v1/search")
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"}", "*", "~", "\\", "~2", "name:*", "{\"match_all\":{}}", "' OR 1=1 --", "<script>"})
    void querySyntaxIsJustText(String q) {
        given().queryParam("q", q).get("/api/v1/search").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        given().get("/api/v1/search").then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors[0].field", equalTo("q"));
        given().queryParam("q", "   ").get("/api/v1/search").then().statusCode(400).body("errors[0].field", equalTo("q"));
        given().queryParam("q", "a".repeat(10_000)).get("/api/v1/search").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE).body("errors[0].reason", containsString("at most 100"));
        given().queryParam("q", "华".repeat(1_000)).get("/api/v1/search").then().statusCode(400)
                .body("errors[0].field", equalTo("q"));
        given().queryParam("q", "华信\u0007").get("/api/v1/search").then().statusCode(400)
                .body("errors[0].reason", containsString("U+0007"));
        given().queryParam("q", "华信\u200B").get("/api/v1/search").then().statusCode(400)
                .body("errors[0].reason", containsString("U+200B"));
        for (String size : List.of("0", "-1", "100000")) {
            given().queryParam("q", "华信").queryParam("size", size).get("/api/v1/search").then().statusCode(400)
                    .body("errors[0].field", equalTo("size"));
        }
        given().queryParam("q", "华信").queryParam("size", "ten").get("/api/v1/search").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE);
        given().queryParam("q", "华信").queryParam("colour", "red").get("/api/v1/search").then().statusCode(400)
                .body("errors[0].field", equalTo("colour"));
        given().queryParam("q", "华信").queryParam("type", "SPACESHIP").get("/api/v1/search").then().statusCode(400)
                .body("errors[0].field", equalTo("type"));
        given().queryParam("q", "华信").queryParam("region", "37*").get("/api/v1/search").then().statusCode(400)
                .body("errors[0].field", equalTo("region"));
    }

    @Test
    void suggestCompletesNamesInitialsAndCodes() {
        given().queryParam("q", "济南华信建").get("/api/v1/suggest").then().statusCode(200)
                .body("name", hasItem("济南华信建材有限公司"));
        given().queryParam("q", "zbht").get("/api/v1/suggest").then().statusCode(200)
                .body("code", contains(codes.get(4)));
        given().queryParam("q", codes.get(5).substring(0, 12)).get("/api/v1/suggest").then().statusCode(200)
                .body("code", hasItem(codes.get(5)));
        given().queryParam("q", "华信").queryParam("size", 50).get("/api/v1/suggest").then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
        given().queryParam("q", "李华").get("/api/v1/suggest").then().statusCode(200).body("name", not(hasItem("李华信")));
    }

    @Test
    void cachedAnswersGoWhenTheIndexChanges() {
        assertEquals("济南华信建材有限公司", search(codes.get(0)).getString("items[0].name"));
        var renamed = enterprise(codes.get(0), "济南华信新型建材有限公司").withRegionCode("370100").withIndustryCode("F5165");
        Ndjson.hub("subjects", renamed).statusCode(200).body("changedSubjects", equalTo(1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertEquals("济南华信新型建材有限公司", search(codes.get(0)).getString("items[0].name")));
    }
}
