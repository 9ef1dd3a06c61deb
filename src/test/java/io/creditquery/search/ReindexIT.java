package io.creditquery.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.creditquery.demo.DemoDataGenerator;
import io.creditquery.demo.DemoDataGenerator.GeneratedSubject;
import io.creditquery.support.Ndjson;
import io.creditquery.support.TestStores;
import io.creditquery.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ReindexIT {

    private static final int SUBJECTS = 3_000;

    @Inject
    TestStores stores;
    @Inject
    ElasticsearchClient elasticsearch;
    @Inject
    SubjectIndex index;
    @Inject
    ReindexService reindex;

    @BeforeEach
    void reset() {
        stores.reset();
    }

    @Test
    void rebuildSwapsTheAliasWhileSearchKeepsAnswering() throws Exception {
        DemoDataGenerator generator = new DemoDataGenerator(5);
        List<GeneratedSubject> subjects = LongStream.range(0, SUBJECTS).mapToObj(generator::subject).toList();
        Ndjson.hub("subjects", subjects.stream().map(GeneratedSubject::subjectLine).toList()).statusCode(200)
                .body("accepted", equalTo(SUBJECTS));
        // Natural persons on no public list are read by the rebuild but not indexed.
        long indexable = subjects.stream().filter(subject -> !subject.type().equals("NATURAL_PERSON")).count();
        assertTrue(indexable < SUBJECTS, "the data set has hidden persons");
        await().atMost(Duration.ofSeconds(60)).until(() -> aliasCount() == indexable);
        Set<String> before = index.aliasTargets().await().indefinitely();
        String probe = subjects.get(1234).code();

        String admin = TestTokens.bearer("370000-FGW", "admin");
        CompletableFuture<io.restassured.response.Response> rebuild = CompletableFuture.supplyAsync(() ->
                given().header("Authorization", admin).post("/api/v1/admin/reindex"));

        List<String> failures = new ArrayList<>();
        int queriesDuringRebuild = 0;
        while (!rebuild.isDone()) {
            boolean running = reindex.running();
            try {
                long hits = elasticsearch.search(s -> s.index(index.alias())
                        .query(q -> q.term(t -> t.field("uscc").value(probe))), Object.class).hits().total().value();
                long total = aliasCount();
                if (hits != 1 || total != indexable) {
                    failures.add("hits=" + hits + " total=" + total);
                }
            } catch (Exception e) {
                failures.add(e.toString());
            }
            if (running) {
                queriesDuringRebuild++;
            }
        }
        rebuild.get().then().statusCode(200).body("subjects", equalTo(SUBJECTS));

        assertTrue(queriesDuringRebuild > 0, "queries overlapped the rebuild");
        assertEquals(List.of(), failures);
        Set<String> after = index.aliasTargets().await().indefinitely();
        assertEquals(1, after.size());
        assertNotEquals(before, after);
        assertFalse(elasticsearch.indices().exists(e -> e.index(List.copyOf(before))).value(), "old index dropped");
        assertEquals(indexable, aliasCount());
    }

    @Test
    void rebuildNeedsTheAdminScope() {
        given().header("Authorization", TestTokens.bearer("370100-SCJ", "ingest")).post("/api/v1/admin/reindex")
                .then().statusCode(403).contentType("application/problem+json");
        given().post("/api/v1/admin/reindex").then().statusCode(401).contentType("application/problem+json");
    }

    private long aliasCount() throws java.io.IOException {
        return elasticsearch.count(c -> c.index(index.alias())).count();
    }
}
