package creditquery;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.util.concurrent.ThreadLocalRandom;

import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The public portal, anonymous: search 60%, type-ahead 20%, profile 15%, records 5%; subjects picked Zipf-like;
 * callers from 50,000 addresses (X-Forwarded-For; the bench service takes the client IP from it, so the
 * per-IP limit applies per caller, not to the load generator as one).
 */
public class PortalMixSimulation extends Simulation {

    private final HttpProtocolBuilder protocol = http.baseUrl(Settings.BASE_URL).acceptHeader("application/json")
            .header("X-Forwarded-For", session -> session.getString("ip"));

    private final ScenarioBuilder portal = scenario("portal")
            .feed(ZipfFeeder.of(Settings.DATA.resolve("subjects.csv")))
            .exec(session -> session.set("ip", "10." + ThreadLocalRandom.current().nextInt(196) + "."
                    + ThreadLocalRandom.current().nextInt(256) + "." + (1 + ThreadLocalRandom.current().nextInt(254))))
            .exec(randomSwitch().on(
                    percent(60).then(feed(csv(Settings.DATA.resolve("searches.csv").toString()).random())
                            .exec(http("search").get("#{path}").check(status().is(200)))),
                    percent(20).then(exec(http("suggest").get("/api/v1/suggest").queryParam("q", "#{fragment}")
                            .check(status().is(200)))),
                    percent(15).then(exec(http("profile").get("/api/v1/subjects/#{code}").check(status().is(200)))),
                    percent(5).then(exec(http("records").get("/api/v1/subjects/#{code}/records")
                            .check(status().is(200))))));

    {
        setUp(portal.injectOpen(Settings.injection())).protocols(protocol);
    }
}
