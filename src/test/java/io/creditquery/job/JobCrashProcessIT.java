package io.creditquery.job;

import io.creditquery.demo.DemoDataGenerator;
import io.creditquery.support.ServiceProcess;
import io.creditquery.support.TestTokens;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.creditquery.support.IngestLines.enterprise;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A 100,000-code verification job survives a kill -9 of the service half-way: after a restart it completes, and
 * every code is answered exactly once (no code twice, none missing), in input order.
 */
class JobCrashProcessIT {

    private static final int CODES = 100_000;
    /** An answer's position (parsing 100,000 answers as JSON would dominate the test's time). */
    private static final Pattern INDEX = Pattern.compile("\"index\":\\s*(\\d+)[,}]");
    private static final int KNOWN = 2_000;
    private static final String DATABASE = "creditquery_crash";
    private static final String HUB = "Bearer " + TestTokens.department("370000-FGW", "ingest:all verify");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ServiceProcess service = new ServiceProcess(18186, new ServiceProcess.Stores(DATABASE,
            "cq-jobcrash-subjects", 6, System.getenv().getOrDefault("CQ_ES_HOSTS", "127.0.0.1:9200")));

    @AfterEach
    void stop() throws InterruptedException {
        service.kill();
    }

    @Test
    void aJobCompletesAfterAKillWithEveryCodeAnsweredOnce() throws Exception {
        service.resetStores();
        service.start("job-crash-1");
        StringBuilder subjects = new StringBuilder();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < KNOWN; i++) {
            String code = DemoDataGenerator.uscc(500_000L + i, "ENTERPRISE", "370100");
            subjects.append(enterprise(code, "批量核查" + i + "有限公司").line()).append('\n');
            codes.add(code);
        }
        assertEquals(200, send("POST", "/api/v1/ingest/subjects", "application/x-ndjson", subjects.toString()).statusCode());
        for (int i = codes.size(); i < CODES; i++) {
            codes.add(i % 1000 == 0 ? "not-a-code-" + i : DemoDataGenerator.uscc(2_000_000L + i, "ENTERPRISE", "370100"));
        }
        String body = "{\"scenario\":\"GOVERNMENT_PROCUREMENT\",\"codes\":[" + codes.stream().map(c -> "\"" + c + "\"")
                .collect(Collectors.joining(",")) + "]}";
        HttpResponse<String> created = send("POST", "/api/v1/verification-jobs", "application/json", body);
        assertEquals(201, created.statusCode(), created.body());
        String id = JsonPath.from(created.body()).getString("id");

        int doneAtKill = progress(id, 5_000);
        assertTrue(doneAtKill < CODES, "the job finished before the kill; make it larger");
        service.process().destroyForcibly().waitFor();
        service.start("job-crash-2");
        JsonPath job = awaitDone(id);
        assertEquals(CODES, job.getInt("done"));

        // Every position exactly once, in order, from the results stream.
        BitSet seen = new BitSet(CODES);
        int lines = 0;
        int after = -1;
        while (true) {
            HttpResponse<String> page = send("GET", "/api/v1/verification-jobs/" + id + "/results?size=25000&after="
                    + after, null, null);
            assertEquals(200, page.statusCode());
            List<String> answers = page.body().lines().toList();
            if (answers.isEmpty()) {
                break;
            }
            for (String answer : answers) {
                Matcher position = INDEX.matcher(answer);
                assertTrue(position.find(), answer);
                int index = Integer.parseInt(position.group(1));
                assertTrue(!seen.get(index), "position " + index + " answered twice");
                seen.set(index);
                lines++;
            }
            after = Integer.parseInt(page.headers().firstValue("X-Next-After").orElseThrow());
        }
        assertEquals(CODES, lines);
        assertEquals(CODES, seen.cardinality());
        try (Connection db = ServiceProcess.database(DATABASE); Statement sql = db.createStatement();
             ResultSet rows = sql.executeQuery("select count(*) filter (where result is null),"
                     + " count(*) filter (where result ->> 'status' = 'FOUND'),"
                     + " count(*) filter (where result ->> 'status' = 'INVALID') from verification_job_item")) {
            rows.next();
            assertEquals(0, rows.getInt(1));
            assertEquals(KNOWN, rows.getInt(2));
            assertEquals(CODES / 1000 - 2, rows.getInt(3), "every 1000th code is invalid, but the first two are known");
        }
        double seconds = Duration.between(OffsetDateTime.parse(job.getString("startedAt")),
                OffsetDateTime.parse(job.getString("finishedAt"))).toMillis() / 1000.0;
        System.out.printf("verification job: %d codes, killed at %d, %.1f s from start to finish including the restart%n",
                CODES, doneAtKill, seconds);
    }

    /** Polls until at least {@code atLeast} codes are answered; the count then. */
    private int progress(String id, int atLeast) throws Exception {
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            int done = JsonPath.from(send("GET", "/api/v1/verification-jobs/" + id, null, null).body()).getInt("done");
            if (done >= atLeast) {
                return done;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the job did not reach " + atLeast + " codes in two minutes");
    }

    private JsonPath awaitDone(String id) throws Exception {
        Instant deadline = Instant.now().plusSeconds(300);
        while (Instant.now().isBefore(deadline)) {
            JsonPath job = JsonPath.from(send("GET", "/api/v1/verification-jobs/" + id, null, null).body());
            if ("DONE".equals(job.getString("status"))) {
                return job;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the job did not finish within five minutes of the restart");
    }

    private HttpResponse<String> send(String method, String path, String type, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.uri(path).toString()))
                .header("Authorization", HUB).timeout(Duration.ofSeconds(60));
        if (body != null) {
            request.header("Content-Type", type).method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
