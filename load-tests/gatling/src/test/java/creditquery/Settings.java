package creditquery;

import io.gatling.javaapi.core.OpenInjectionStep;

import java.nio.file.Path;
import java.util.List;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;

/** What load-tests/run passes as system properties: target, data set, injection profile, credentials. */
final class Settings {

    static final String BASE_URL = System.getProperty("baseUrl", "http://127.0.0.1:8090");
    static final Path DATA = Path.of(System.getProperty("data", "data/1m"));
    static final String PROFILE = System.getProperty("profile", "steady");
    static final double RATE = Double.parseDouble(System.getProperty("rate", "500"));
    static final int DURATION = Integer.parseInt(System.getProperty("duration", "60"));
    static final String TOKEN = System.getProperty("token", "");
    static final String API_KEY = System.getProperty("apiKey", "");

    private Settings() {
    }

    /**
     * Open-model arrivals (each virtual user makes one request): ramp from 1/s to the rate; steady at the rate;
     * spike: a quarter of the rate, two seconds up to twice the rate, held for a fifth of the run, then back.
     */
    static List<OpenInjectionStep> injection() {
        return switch (PROFILE) {
            case "ramp" -> List.of(rampUsersPerSec(1).to(RATE).during(DURATION));
            case "steady" -> List.of(constantUsersPerSec(RATE).during(DURATION));
            case "spike" -> {
                double base = RATE / 4;
                int quiet = Math.max(1, DURATION * 2 / 5);
                int peak = Math.max(1, DURATION / 5);
                yield List.of(constantUsersPerSec(base).during(quiet),
                        rampUsersPerSec(base).to(RATE * 2).during(2),
                        constantUsersPerSec(RATE * 2).during(peak),
                        rampUsersPerSec(RATE * 2).to(base).during(2),
                        constantUsersPerSec(base).during(Math.max(1, DURATION - quiet - peak - 4)));
            }
            default -> throw new IllegalArgumentException("profile must be ramp, steady or spike, not " + PROFILE);
        };
    }
}
