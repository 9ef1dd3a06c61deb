package io.creditquery.faults;

import io.creditquery.demo.DemoDataGenerator;
import io.creditquery.support.ServiceProcess;
import io.creditquery.support.TestTokens;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static io.creditquery.support.IngestLines.enterprise;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged service is killed with SIGKILL while four clients stream a large ingest into it. After a restart:
 * every acknowledged line is in PostgreSQL exactly once, every request is all-or-nothing (acknowledged or not), and
 * the search index catches up to match PostgreSQL (the consistency check: counts and a sample by version).
 * Runs after {@code package} (failsafe), against its own database, index alias and Redis database.
 */
class IngestCrashProcessIT {

    private static final int PORT = 18181;
    private static final String DATABASE = "creditquery_crash";
    private static final String ALIAS = "cq-crash-subjects";
    private static final int LINES_PER_REQUEST = 2_000;
    private static final int CLIENTS = 4;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String token = "Bearer " + TestTokens.department("370000-FGW", "ingest:all admin");
    private final ServiceProcess service = new ServiceProcess(PORT, new ServiceProcess.Stores(DATABASE, ALIAS, 2,
            System.getenv().getOrDefault("CQ_ES_HOSTS", "127.0.0.1:9200")));

    @AfterEach
    void stopService() throws InterruptedException {
        service.kill();
    }

    @Test
    void acknowledgedLinesSurviveSigkillAndTheIndexCatchesUp() throws Exception {
        service.resetStores();
        service.start("crash-service-1");

        Map<Integer, Boolean> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger nextRequest = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            clients.submit(() -> {
                while (!killed.get()) {
                    int request = nextRequest.getAndIncrement();
                    try {
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(service.uri("/api/v1/ingest/subjects"))
                                .header("Authorization", token).header("Content-Type", "application/x-ndjson")
                                .timeout(Duration.ofSeconds(60))
                                .POST(HttpRequest.BodyPublishers.ofString(lines(request), StandardCharsets.UTF_8))
                                .build(), HttpResponse.BodyHandlers.ofString());
                        boolean complete = response.statusCode() == 200
                                && JsonPath.from(response.body()).getInt("accepted") == LINES_PER_REQUEST;
                        acknowledged.put(request, complete);
                    } catch (IOException e) {
                        acknowledged.put(request, false);
                    }
                }
                return null;
            });
        }
        Instant deadline = Instant.now().plusSeconds(60);
        while (acknowledged.values().stream().filter(ok -> ok).count() < 8 && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        service.process().destroyForcibly();
        killed.set(true);
        assertTrue(service.process().waitFor(30, TimeUnit.SECONDS), "the service died");
        clients.shutdown();
        assertTrue(clients.awaitTermination(90, TimeUnit.SECONDS));

        service.start("crash-service-2");
        List<Integer> confirmed = acknowledged.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
        assertTrue(confirmed.size() >= 8, "enough requests were acknowledged before the kill: " + confirmed.size());
        try (Connection db = ServiceProcess.database(DATABASE)) {
            for (int request : acknowledged.keySet()) {
                long present = presentLines(db, request);
                if (acknowledged.get(request)) {
                    assertEquals(LINES_PER_REQUEST, present, "acknowledged request " + request + " is fully present");
                } else {
                    assertTrue(present == 0 || present == LINES_PER_REQUEST,
                            "unacknowledged request " + request + " is all or nothing, found " + present + " lines");
                }
            }
            try (Statement sql = db.createStatement();
                 ResultSet rows = sql.executeQuery("select count(*) - count(distinct uscc) from subject")) {
                rows.next();
                assertEquals(0, rows.getLong(1), "no line is present twice");
            }
        }

        long committedUnacknowledged;
        try (Connection db = ServiceProcess.database(DATABASE)) {
            long total = 0;
            for (int request : acknowledged.keySet()) {
                total += acknowledged.get(request) ? 0 : presentLines(db, request);
            }
            committedUnacknowledged = total / LINES_PER_REQUEST;
        }
        System.out.printf("crash: %d requests acknowledged before SIGKILL, %d cut off (%d of them committed)%n",
                confirmed.size(), acknowledged.size() - confirmed.size(), committedUnacknowledged);

        JsonPath report = service.consistency(token, 2000);
        assertTrue(report.getBoolean("consistent"), "index matches PostgreSQL after restart: " + report.prettify());
        assertEquals(report.getLong("subjectsInDatabase"), report.getLong("documentsInIndex"));
        assertTrue(report.getInt("sampled") > 0);
    }

    private static String lines(int request) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < LINES_PER_REQUEST; i++) {
            long n = (long) request * LINES_PER_REQUEST + i;
            body.append(enterprise(DemoDataGenerator.uscc(n, "ENTERPRISE", "370100"), "济南崩溃测试第" + n + "号有限公司").line())
                    .append('\n');
        }
        return body.toString();
    }

    private static long presentLines(Connection db, int request) throws SQLException {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < LINES_PER_REQUEST; i++) {
            codes.add(DemoDataGenerator.uscc((long) request * LINES_PER_REQUEST + i, "ENTERPRISE", "370100"));
        }
        try (PreparedStatement query = db.prepareStatement("select count(*) from subject where uscc = any(?)")) {
            Array array = db.createArrayOf("text", codes.toArray());
            query.setArray(1, array);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
