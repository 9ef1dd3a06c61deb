package io.creditquery.change;

import io.creditquery.demo.DemoDataGenerator;
import io.creditquery.support.IngestLines;
import io.creditquery.support.Ndjson;
import io.creditquery.support.ServiceProcess;
import io.creditquery.support.TestStores;
import io.creditquery.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.creditquery.support.IngestLines.enterprise;
import static io.creditquery.support.IngestLines.license;
import static io.creditquery.support.IngestLines.person;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ChangeFeedIT {

    static final String READER = TestTokens.bearer("370100-FGW", "changes");

    @Inject
    TestStores stores;

    @BeforeEach
    void reset() {
        stores.reset();
    }

    static JsonPath page(String since, int size) {
        return page(since, size, 0);
    }

    static JsonPath page(String since, int size, int waitSeconds) {
        var request = given().header("Authorization", READER).queryParam("size", size).queryParam("wait", waitSeconds);
        if (since != null) {
            request.queryParam("since", since);
        }
        return request.get("/api/v1/changes").then().statusCode(200).extract().jsonPath();
    }

    /**
     * The feed after a position once it holds at least {@code count} changes. A committed change shows only when every
     * transaction on the server that started before it has ended; on a shared server (a load test beside the suite)
     * another database's long transaction delays it by seconds. Delayed is allowed, skipped or repeated is not.
     */
    static JsonPath awaitChanges(String since, int count) {
        Instant deadline = Instant.now().plusSeconds(90);
        JsonPath page = page(since, 100, 10);
        while (page.getList("items").size() < count && Instant.now().isBefore(deadline)) {
            page = page(since, 100, 10);
        }
        return page;
    }

    static IngestLines.Subject subject(long index) {
        return enterprise(DemoDataGenerator.uscc(index, "ENTERPRISE", "370100"), "变更测试" + index + "有限公司");
    }

    @Test
    void aReaderResumingUnderConcurrentIngestSeesEveryChangeOnceWithoutGaps() throws Exception {
        String start = page(null, 5000).getString("next");
        int writers = 4;
        int batches = 10;
        int perBatch = 25;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            done.add(pool.submit(() -> {
                for (int b = 0; b < batches; b++) {
                    List<String> lines = new ArrayList<>();
                    for (int i = 0; i < perBatch; i++) {
                        lines.add(subject(800_000L + (long) writer * 10_000 + b * 100L + i).line());
                    }
                    Ndjson.hub("subjects", lines).statusCode(200).body("rejected", equalTo(0));
                }
            }));
        }
        // Read small pages while the writers run, resuming from each page's next.
        List<String> positions = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        String since = start;
        int expected = writers * batches * perBatch;
        Instant deadline = Instant.now().plusSeconds(120);
        while (codes.size() < expected && Instant.now().isBefore(deadline)) {
            JsonPath page = page(since, 37);
            positions.addAll(page.getList("items.position"));
            codes.addAll(page.getList("items.subjectCode"));
            since = page.getString("next");
        }
        for (Future<?> writer : done) {
            writer.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertEquals(expected, codes.size(), "every new subject appears in the feed");
        assertEquals(positions.size(), new HashSet<>(positions).size(), "no position twice");
        assertEquals(expected, positions.size(), "each new subject exactly once");
        assertEquals(0, page(since, 100).getList("items").size(), "nothing left after the last position");
    }

    @Test
    void aChangeCommittedLaterWithAnEarlierPositionIsNotSkipped() throws Exception {
        Ndjson.hub("subjects", subject(21), subject(22)).statusCode(200);
        String start = awaitChanges(null, 2).getString("next");
        long first = stores.count("select id from subject where uscc = $1", DemoDataGenerator.uscc(21, "ENTERPRISE", "370100"));
        try (Connection slow = ServiceProcess.database("creditquery_test")) {
            // A transaction that records a change and stays open: it holds the older position.
            slow.setAutoCommit(false);
            try (Statement sql = slow.createStatement()) {
                sql.execute("insert into search_outbox (subject_id) values (" + first + ")");
            }
            // A later transaction commits first.
            Ndjson.hub("subjects", subject(22).withName("变更测试22股份有限公司")).statusCode(200);
            assertEquals(List.of(), page(start, 100).getList("items"),
                    "nothing is given past a position that an open transaction may still fill");
            slow.commit();
        }
        JsonPath both = awaitChanges(start, 2);
        assertEquals(List.of(DemoDataGenerator.uscc(21, "ENTERPRISE", "370100"),
                DemoDataGenerator.uscc(22, "ENTERPRISE", "370100")), both.getList("items.subjectCode"));
    }

    @Test
    void recordChangesAppearAsSubjectChangesAndPersonsStayOut() {
        Ndjson.hub("subjects", subject(1), person("110101199003074477", "张三").withRegionCode("110101")).statusCode(200)
                .body("rejected", equalTo(0));
        JsonPath first = awaitChanges(null, 1);
        assertEquals(List.of(DemoDataGenerator.uscc(1, "ENTERPRISE", "370100")), first.getList("items.subjectCode"));
        Ndjson.hub("records", license(DemoDataGenerator.uscc(1, "ENTERPRISE", "370100"), "许〔2026〕8号").withTitle("许可"))
                .statusCode(200);
        JsonPath next = awaitChanges(first.getString("next"), 1);
        assertEquals(1, next.getList("items").size());
        assertEquals(2L, next.getLong("items[0].version"));
    }

    @Test
    void theFeedNeedsItsScopeAndAPositionItGave() {
        given().header("Authorization", TestTokens.bearer("370100-FGW", "verify")).get("/api/v1/changes").then()
                .statusCode(403);
        given().header("Authorization", READER).queryParam("since", "latest").get("/api/v1/changes").then()
                .statusCode(400).body("errors[0].field", equalTo("since"));
        given().header("Authorization", READER).queryParam("wait", 31).get("/api/v1/changes").then()
                .statusCode(400).body("errors[0].field", equalTo("wait"));
    }

    @Test
    void searchFiltersBySubjectsChangedSinceATime() throws Exception {
        Ndjson.hub("subjects", subject(11)).statusCode(200);
        Thread.sleep(1100);
        OffsetDateTime between = OffsetDateTime.now(ZoneOffset.UTC);
        Thread.sleep(1100);
        Ndjson.hub("subjects", subject(12)).statusCode(200);
        stores.awaitIndexed(DemoDataGenerator.uscc(12, "ENTERPRISE", "370100"));
        stores.awaitIndexed(DemoDataGenerator.uscc(11, "ENTERPRISE", "370100"));
        JsonPath found = given().queryParam("q", "变更测试").queryParam("changedSince", between.toString())
                .get("/api/v1/search").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(DemoDataGenerator.uscc(12, "ENTERPRISE", "370100")), found.getList("items.code"));
        assertTrue(given().queryParam("q", "变更测试").get("/api/v1/search").then().extract().jsonPath()
                .getList("items").size() == 2);
    }
}
