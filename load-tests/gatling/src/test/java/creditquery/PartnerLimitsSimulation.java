package creditquery;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * A partner agency over its contracted rate (the run creates a key with 600 checks a minute): answers beyond the
 * limit are 429 with Retry-After. They are reported as KO with "found 429" in the report's error table, counted
 * apart from real failures (any other status, or a 429 without Retry-After).
 */
public class PartnerLimitsSimulation extends Simulation {

    private final HttpProtocolBuilder protocol = http.baseUrl(Settings.BASE_URL).acceptHeader("application/json")
            .contentTypeHeader("application/json").header("X-API-Key", Settings.API_KEY);

    private final ScenarioBuilder partner = scenario("partner over its limit")
            .feed(ZipfFeeder.of(Settings.DATA.resolve("subjects.csv")))
            .exec(http("partner check").post("/api/v1/verifications")
                    .body(StringBody("{\"scenario\":\"FINANCING\",\"codes\":[\"#{code}\"]}"))
                    .check(header("RateLimit-Limit").exists(), status().is(200)));

    {
        setUp(partner.injectOpen(Settings.injection())).protocols(protocol);
    }
}
