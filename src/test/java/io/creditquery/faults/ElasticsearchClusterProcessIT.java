package io.creditquery.faults;

import io.creditquery.demo.DemoDataGenerator;
import io.creditquery.support.ServiceProcess;
import io.creditquery.support.TestTokens;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import static io.creditquery.support.IngestLines.enterprise;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service against a three-node Elasticsearch cluster on loopback (bin/es-cluster), configured with all three
 * hosts: with one node stopped, search and ingest keep working and the cluster stays yellow or green; when the node
 * is back, the cluster is green with three nodes and every acknowledged write is in the index.
 */
class ElasticsearchClusterProcessIT {

    private static final int PORT = 18182;
    private static final String HOSTS = "127.0.0.1:9211,127.0.0.1:9212,127.0.0.1:9213";
    private static final String INGEST = "Bearer " + TestTokens.department("370000-FGW", "ingest:all admin");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ServiceProcess service = new ServiceProcess(PORT,
            new ServiceProcess.Stores("creditquery_cluster", "cq-cluster-subjects", 3, HOSTS));

    /** The three nodes take 1.5 GB of memory: they do not outlive the test. */
    @AfterEach
    void stop() throws Exception {
        service.kill();
        cluster("stop");
    }

    @Test
    void searchAndIngestSurviveTheLossOfANode() throws Exception {
        cluster("start");
        service.resetStores();
        service.start("cluster-service");

        ingest("济南集群甲", 0, 200);
        awaitSearchable("济南集群甲第199号有限公司");
        assertEquals(3, health().getInt("number_of_nodes"));

        cluster("stop-node", "3");
        await("the cluster sees two nodes", () -> health().getInt("number_of_nodes") == 2);
        assertTrue(List.of("yellow", "green").contains(health().getString("status")), health().prettify());
        awaitSearchable("济南集群甲第7号有限公司");
        ingest("济南集群乙", 200, 200);
        awaitSearchable("济南集群乙第399号有限公司");

        cluster("start-node", "3");
        await("the cluster is green with three nodes", () -> health().getInt("number_of_nodes") == 3
                && health().getString("status").equals("green"));
        JsonPath report = service.consistency(INGEST, 1000);
        assertTrue(report.getBoolean("consistent"), report.prettify());
        assertEquals(400, report.getLong("documentsInIndex"), "every acknowledged subject is in the index");
        awaitSearchable("济南集群乙第250号有限公司");
    }

    private void ingest(String prefix, int from, int count) throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = from; i < from + count; i++) {
            String code = DemoDataGenerator.uscc(60_000_000L + i, "ENTERPRISE", "370100");
            lines.append(enterprise(code, prefix + "第" + i + "号有限公司").line()).append('\n');
        }
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(service.uri("/api/v1/ingest/subjects"))
                .header("Authorization", INGEST).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(lines.toString(), StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(count, JsonPath.from(response.body()).getInt("accepted"));
    }

    private void awaitSearchable(String name) throws Exception {
        await(name + " is found by search", () -> {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(service.uri("/api/v1/search?q="
                        + URLEncoder.encode(name, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(15)).build(),
                        HttpResponse.BodyHandlers.ofString());
                return response.statusCode() == 200 && JsonPath.from(response.body()).getList("items.name").contains(name);
            } catch (IOException | InterruptedException e) {
                return false;
            }
        });
    }

    private JsonPath health() {
        for (String host : HOSTS.split(",")) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(java.net.URI.create("http://" + host
                        + "/_cluster/health")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return JsonPath.from(response.body());
                }
            } catch (IOException | InterruptedException stopped) {
                // try the next node
            }
        }
        throw new AssertionError("no cluster node answers");
    }

    private static void await(String what, Supplier<Boolean> condition) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(120);
        while (!condition.get()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(500);
        }
    }

    private static void cluster(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = "bin/es-cluster";
        System.arraycopy(args, 0, command, 1, args.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(new java.io.File("target/es-cluster.log")).start();
        assertTrue(process.waitFor(300, java.util.concurrent.TimeUnit.SECONDS), "bin/es-cluster " + String.join(" ", args));
        assertEquals(0, process.exitValue(), "bin/es-cluster " + String.join(" ", args) + "; see target/es-cluster.log");
    }
}
