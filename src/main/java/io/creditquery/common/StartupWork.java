package io.creditquery.common;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The work a replica does once at start that need not hold up the start itself (the index check, the demo load,
 * the department names): started from a start-up observer, it runs in the background on a
 * Vert.x context while the service starts listening, and readiness stays DOWN until every piece has finished,
 * whether it succeeded or failed (a failure is logged; the piece's own health check, if any, says what is wrong).
 */
@ApplicationScoped
public class StartupWork {

    private static final Logger LOG = Logger.getLogger(StartupWork.class);

    private final Vertx vertx;
    /** Name → finished. */
    private final Map<String, Boolean> pieces = new ConcurrentHashMap<>();

    public StartupWork(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Starts {@code work} in the background; the replica is not ready until it has finished. */
    public void run(String name, Supplier<Uni<?>> work) {
        pieces.put(name, false);
        long started = System.nanoTime();
        vertx.getOrCreateContext().runOnContext(() -> Uni.createFrom().deferred(work).subscribe().with(
                ignored -> finished(name, started, null),
                failure -> finished(name, started, failure)));
    }

    private void finished(String name, long started, Throwable failure) {
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (failure == null) {
            LOG.infof("start-up work \"%s\" done in %d ms", name, millis);
        } else {
            LOG.warnf("start-up work \"%s\" failed after %d ms: %s", name, millis, failure.getMessage());
        }
        pieces.put(name, true);
    }

    public boolean finished() {
        return !pieces.containsValue(false);
    }

    /** Each piece by name: finished or not (a copy; the bean is reached through its client proxy). */
    Map<String, Boolean> pieces() {
        return Map.copyOf(pieces);
    }

    /** DOWN while any piece of start-up work runs; lists each piece with whether it has finished. */
    @Readiness
    @ApplicationScoped
    static class Check implements HealthCheck {

        private final StartupWork work;

        Check(StartupWork work) {
            this.work = work;
        }

        @Override
        public HealthCheckResponse call() {
            Map<String, Boolean> pieces = work.pieces();
            HealthCheckResponseBuilder answer = HealthCheckResponse.named("start-up work")
                    .status(!pieces.containsValue(false));
            new TreeMap<>(pieces).forEach((name, finished) -> answer.withData(name, finished ? "finished" : "running"));
            return answer.build();
        }
    }
}
