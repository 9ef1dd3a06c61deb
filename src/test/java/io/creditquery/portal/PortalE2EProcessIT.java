package io.creditquery.portal;

import io.creditquery.support.ServiceProcess;
import io.creditquery.support.TestTokens;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The portal in a real browser: the packaged service with demo data, and e2e/portal.e2e.mjs driving Debian's headless
 * Chromium through playwright-core at desktop and phone widths (type-ahead to the subject page with the right code
 * and grade, search with facets, a batch check with a department token and an invalid code, the English toggle,
 * an objection filed and tracked). Screenshots land in target/screenshots.
 */
class PortalE2EProcessIT {

    private static final ServiceProcess.Stores STORES = new ServiceProcess.Stores("creditquery_e2e",
            "cq-e2e-subjects", 5, System.getenv().getOrDefault("CQ_ES_HOSTS", "127.0.0.1:9200"));

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ServiceProcess service = new ServiceProcess(18185, STORES);

    @AfterEach
    void stop() throws InterruptedException {
        service.kill();
    }

    @Test
    void thePortalWorksInABrowser() throws Exception {
        service.resetStores();
        service.start("portal-e2e", "-Dcredit.demo.load=true", "-Dcredit.demo.subjects=2000");
        Map<String, String> subject = pickSubject();
        List<String> batch = new java.util.ArrayList<>(JsonPath.from(get("/api/v1/search?q=" + encode("有限公司")
                + "&listKind=BLACK&size=3")).getList("items.code"));
        batch.addAll(JsonPath.from(get("/api/v1/search?q=" + encode("有限公司") + "&size=3")).getList("items.code"));

        ProcessBuilder node = new ProcessBuilder("node", "e2e/portal.e2e.mjs").redirectErrorStream(true)
                .redirectOutput(new File("target/portal-e2e-browser.log"));
        node.environment().putAll(Map.of(
                "BASE_URL", service.uri("").toString(),
                "E2E_FRAGMENT", subject.get("fragment"),
                "E2E_CODE", subject.get("code"),
                "E2E_GRADE", subject.get("grade"),
                "E2E_REGION", subject.get("region"),
                "E2E_STATUS", subject.get("status"),
                "E2E_TOKEN", TestTokens.department("370100-FGW", "verify"),
                "E2E_BATCH", String.join(",", batch),
                "E2E_SCREENSHOTS", "target/screenshots"));
        node.environment().put("E2E_ADMIN_TOKEN", TestTokens.department("370000-FGW", "admin"));
        Process browser = node.start();
        boolean finished = browser.waitFor(5, TimeUnit.MINUTES);
        String log = Files.readString(Path.of("target/portal-e2e-browser.log"));
        assertTrue(finished, "the browser test did not finish in 5 minutes: " + log);
        assertEquals(0, browser.exitValue(), log);
        for (String shot : List.of("portal-subject", "portal-subject-phone", "portal-search", "portal-check-phone",
                "portal-objection")) {
            assertTrue(Files.size(Path.of("target/screenshots", shot + ".png")) > 10_000, shot + " was not taken");
        }
    }

    /** A demo subject with public records whose name type-ahead finds from a fragment; its code and grade. */
    private Map<String, String> pickSubject() throws Exception {
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            JsonPath hits = JsonPath.from(get("/api/v1/search?q=" + encode("有限公司") + "&size=50&category=ADMIN_PENALTY"));
            for (Map<String, Object> hit : hits.<Map<String, Object>>getList("items")) {
                String name = (String) hit.get("name");
                String code = (String) hit.get("code");
                String fragment = name.substring(0, Math.min(4, name.length()));
                JsonPath suggestions = JsonPath.from(get("/api/v1/suggest?size=20&q=" + encode(fragment)));
                if (suggestions.getList("code").contains(code)) {
                    JsonPath profile = JsonPath.from(get("/api/v1/subjects/" + code));
                    return Map.of("fragment", fragment, "code", code, "grade", profile.getString("evaluation.grade"),
                            "region", profile.getString("regionName"), "status", profile.getString("statusLabel"));
                }
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("no demo subject with penalties was found by type-ahead within two minutes");
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(service.uri(path)).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return response.body();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
