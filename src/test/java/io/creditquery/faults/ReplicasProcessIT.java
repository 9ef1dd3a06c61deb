package io.creditquery.faults;

import io.creditquery.support.ServiceProcess;
import io.creditquery.support.TestTokens;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.creditquery.support.IngestLines.enterprise;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two replicas of the service on different ports sharing PostgreSQL, Redis and Elasticsearch: a partner's quota is
 * one quota, a change made through one is what the other answers at once, their audit events form one valid chain,
 * and a key revoked through one is refused by the other on the next request.
 */
class ReplicasProcessIT {

    private static final String CODE = "91350100M000100Y43";
    private static final ServiceProcess.Stores SHARED = new ServiceProcess.Stores("creditquery_replicas",
            "cq-replicas-subjects", 4, System.getenv().getOrDefault("CQ_ES_HOSTS", "127.0.0.1:9200"));
    private static final String ADMIN = "Bearer " + TestTokens.department("370000-FGW", "admin ingest:all");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ServiceProcess first = new ServiceProcess(18183, SHARED);
    private final ServiceProcess second = new ServiceProcess(18184, SHARED);

    @AfterEach
    void stop() throws InterruptedException {
        first.kill();
        second.kill();
    }

    @Test
    void replicasShareLimitsCachesChainAndRevocation() throws Exception {
        first.resetStores();
        first.start("replica-1");
        second.start("replica-2");
        assertEquals(200, ingest(first, "福州副本测试有限公司").statusCode());

        // A change through one replica is what the other answers, at once (shared cache, invalidated on commit).
        assertEquals("福州副本测试有限公司", profile(second).getString("name"));
        assertEquals(200, ingest(first, "福州副本测试更名有限公司").statusCode());
        assertEquals("福州副本测试更名有限公司", profile(second).getString("name"));

        // One daily quota of 5 for the key, whichever replica answers (days of Asia/Shanghai: a run across midnight
        // there, 16:00 UTC, would start a fresh quota).
        JsonPath key = JsonPath.from(send(HttpRequest.newBuilder(first.uri("/api/v1/admin/api-keys"))
                .header("Authorization", ADMIN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"副本测试机构\",\"scopes\":[\"search\"],\"dailyQuota\":5}",
                        StandardCharsets.UTF_8))).body());
        String secret = key.getString("key");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ServiceProcess replica = i % 2 == 0 ? first : second;
            statuses.add(send(HttpRequest.newBuilder(replica.uri("/api/v1/subjects/" + CODE)).header("X-API-Key", secret)).statusCode());
        }
        assertEquals(List.of(200, 200, 200, 200, 200, 429), statuses, "six calls on two replicas against one quota of five");

        // Revoked through one, refused by the other on the very next request.
        assertEquals(200, send(HttpRequest.newBuilder(first.uri("/api/v1/admin/api-keys/" + key.getString("client.id")))
                .header("Authorization", ADMIN).DELETE()).statusCode());
        assertEquals(401, send(HttpRequest.newBuilder(second.uri("/api/v1/codes/" + CODE)).header("X-API-Key", secret)).statusCode());

        // Concurrent requests on both replicas leave one unbroken audit chain.
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            ServiceProcess replica = i % 2 == 0 ? first : second;
            answers.add(clients.submit(() -> send(HttpRequest.newBuilder(replica.uri("/api/v1/codes/" + CODE))).statusCode()));
        }
        for (Future<Integer> answer : answers) {
            assertEquals(200, answer.get());
        }
        clients.shutdown();
        JsonPath verification = JsonPath.from(send(HttpRequest.newBuilder(second.uri("/api/v1/admin/audit/verify"))
                .header("Authorization", ADMIN)).body());
        assertTrue(verification.getBoolean("intact"), verification.prettify());
        assertTrue(verification.getLong("eventsChecked") >= 400, verification.prettify());
    }

    /**
     * Two replicas starting together on a fresh Elasticsearch over a loaded database: one rebuilds the index, the
     * other waits for it (the advisory lock) and finds it current; before, both rebuilt at once and the second to
     * finish dropped the index the first had just pointed the alias to.
     */
    @Test
    void replicasStartingOnAnEmptyIndexRebuildItOnce() throws Exception {
        first.resetStores();
        first.start("replica-load", "-Dcredit.demo.load=true", "-Dcredit.demo.subjects=3000");
        first.kill();
        first.deleteIndices();
        first.launch("replica-1-rebuild");
        second.launch("replica-2-rebuild");
        first.awaitReady();
        second.awaitReady();
        List<String> lines = new ArrayList<>();
        for (ServiceProcess replica : List.of(first, second)) {
            lines.addAll(Files.readAllLines(replica.log().toPath()));
        }
        assertEquals(1, lines.stream().filter(line -> line.contains("rebuilding the search index")).count(),
                "exactly one replica started a rebuild (without the lock both did, and one dropped the other's index)");
        assertEquals(1, lines.stream().filter(line -> line.contains("rebuilt cq-replicas")).count());
        assertTrue(lines.stream().noneMatch(line -> line.contains("start-up check of the search index failed")));
        JsonPath report = second.consistency(ADMIN, 50);
        assertTrue(report.getBoolean("consistent"), report.prettify());
        assertEquals(report.getLong("subjectsInDatabase"), report.getLong("documentsInIndex"));
    }

    private HttpResponse<String> ingest(ServiceProcess replica, String name) throws Exception {
        return send(HttpRequest.newBuilder(replica.uri("/api/v1/ingest/subjects")).header("Authorization", ADMIN)
                .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(
                        enterprise(CODE, name).line() + "\n", StandardCharsets.UTF_8)));
    }

    private JsonPath profile(ServiceProcess replica) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(replica.uri("/api/v1/subjects/" + CODE)));
        assertEquals(200, response.statusCode(), response.body());
        return JsonPath.from(response.body());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
