package creditquery;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Departments' credit checks with a JWT: single checks 80% (Zipf-like subjects), batches of 100 to 1,000 codes 20%
 * (codes drawn uniformly: a supplier register is not a popularity contest).
 */
public class DepartmentChecksSimulation extends Simulation {

    private static final List<String> CODES = codes();

    private static List<String> codes() {
        try (var lines = Files.lines(Settings.DATA.resolve("subjects.csv"), StandardCharsets.UTF_8)) {
            return lines.skip(1).map(line -> line.substring(0, line.indexOf(','))).collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("feeder data missing; run load-tests/prepare first", e);
        }
    }

    private static String batch() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int size = 100 + random.nextInt(901);
        return random.ints(size, 0, CODES.size()).mapToObj(i -> "\"" + CODES.get(i) + "\"")
                .collect(Collectors.joining(",", "{\"scenario\":\"GOVERNMENT_PROCUREMENT\",\"purpose\":\"压测\",\"codes\":[", "]}"));
    }

    private final HttpProtocolBuilder protocol = http.baseUrl(Settings.BASE_URL).acceptHeader("application/json")
            .contentTypeHeader("application/json").authorizationHeader("Bearer " + Settings.TOKEN);

    private final ScenarioBuilder checks = scenario("department checks")
            .feed(ZipfFeeder.of(Settings.DATA.resolve("subjects.csv")))
            .exec(randomSwitch().on(
                    percent(80).then(exec(http("check single").post("/api/v1/verifications")
                            .body(StringBody("{\"scenario\":\"GOVERNMENT_PROCUREMENT\",\"codes\":[\"#{code}\"]}"))
                            .check(status().is(200), jsonPath("$.summary.checked").is("1")))),
                    percent(20).then(exec(session -> session.set("batch", batch()))
                            .exec(http("check batch 100-1000").post("/api/v1/verifications").body(StringBody("#{batch}"))
                                    .check(status().is(200))))));

    {
        setUp(checks.injectOpen(Settings.injection())).protocols(protocol);
    }
}
